/** Key encryption keys in the browser: telling a private key from a public one, making a pair with Web Crypto. */

/** A PEM (or Base64) text that holds a private key: never to be uploaded. */
export function looksPrivate(text: string): boolean {
  const t = text.trim()
  // PEM of any private key, or Base64 DER of PKCS#8 (version 0, rsaEncryption) or PKCS#1 RSAPrivateKey.
  return /PRIVATE KEY-----/.test(t) || /^MII[A-Za-z0-9+/]{3}IBA(DAN|AKCA)/.test(t)
}

const pemOf = (label: string, der: ArrayBuffer) => {
  const b64 = btoa(String.fromCharCode(...new Uint8Array(der)))
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`
}

/**
 * A 2048-bit RSA key pair made by the browser (Web Crypto). The private key is saved as a file on this computer and
 * never leaves the browser; the public half is returned for upload.
 */
export async function generateKekPair(fileName: string): Promise<string> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  )
  const privatePem = pemOf('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', pair.privateKey))
  const publicPem = pemOf('PUBLIC KEY', await crypto.subtle.exportKey('spki', pair.publicKey))
  const url = URL.createObjectURL(new Blob([privatePem], { type: 'application/x-pem-file' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return publicPem
}
