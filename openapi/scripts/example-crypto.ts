// Seals and opens the spec's encrypted examples with the public test CEK of the sandbox's known-answer vectors.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'

/** The test CEK (bytes 0x00..0x1f) that `cekWrap.secretKey` in the known-answer vectors wraps. TEST ONLY. */
export const TEST_CEK = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex')

/** `secretKey` of the known-answer vectors: TEST_CEK wrapped (RSA PKCS#1 v1.5) under the public test KEK. */
export const TEST_SECRET_KEY =
  'H2qCfaQs2niarsLAQ5jzSG5SbjUr3VevDQAoKT7WR9NbyWkxJb/SMLPTD7QIBkf+gW3KmRhDHdqw93OmTnrBbUk2m4HgnjR/qkJ39nlboxsJOGvOEN3EyqR2G8vpwQYuCUvsTtRJUve8PqTCSkNPahfhRJNT1gts1Wu4RLdmjbo8TlezOkMXxRbXv8bzMYPXVVAWe3JcFPMG7YReuEy0aHPES9aSVBOFlASb/f1j+YilKf7X5nNfakJ9KiMpacP7nMZTZEZU95ozGXy4b2Ig/E3rC+yjb0xDRXwY0fjYu6b40n9sRrQMTzaHxBi9TqEi3ol10XRRAwAOv6YMBPdUjA=='

const IV_LENGTH = 12
const TAG_LENGTH = 16

/** A fixed IV per example name, so sealing is deterministic and the spec does not churn. */
export function exampleIv(name: string): Buffer {
  return createHash('sha256').update(`iamsmart-sandbox example ${name}`).digest().subarray(0, IV_LENGTH)
}

/** Base64( uint32be(12) ‖ IV ‖ AES-256-GCM ciphertext ‖ tag ) of the UTF-8 plaintext. */
export function seal(plaintext: string, iv: Buffer, key: Buffer = TEST_CEK): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const head = Buffer.alloc(4)
  head.writeUInt32BE(IV_LENGTH)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return Buffer.concat([head, iv, body, cipher.getAuthTag()]).toString('base64')
}

/** The inverse of `seal`; throws on a wrong layout or a failed tag check. */
export function open(content: string, key: Buffer = TEST_CEK): string {
  const raw = Buffer.from(content, 'base64')
  if (raw.length < 4 + IV_LENGTH + TAG_LENGTH || raw.readUInt32BE(0) !== IV_LENGTH) {
    throw new Error('not a sealed content string')
  }
  const iv = raw.subarray(4, 4 + IV_LENGTH)
  const decipher = createDecipheriv('aes-256-gcm', key, iv)
  decipher.setAuthTag(raw.subarray(raw.length - TAG_LENGTH))
  return Buffer.concat([
    decipher.update(raw.subarray(4 + IV_LENGTH, raw.length - TAG_LENGTH)),
    decipher.final(),
  ]).toString('utf8')
}
