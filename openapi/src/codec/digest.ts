/** Hash primitives: SHA-256/512 via Web Crypto, MD5 (which Web Crypto lacks) via node-forge. */
import forge from 'node-forge'
import { binaryToBytes, bytesToBinary, toBuffer } from './bytes'

const subtle = () => globalThis.crypto.subtle

export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', toBuffer(data)))
}

export async function sha512(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-512', toBuffer(data)))
}

/** MD5 (Web Crypto has none). Used only for the legacy signCode reduction, never for integrity. */
export function md5(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return binaryToBytes(forge.md.md5.create().update(bytesToBinary(data)).digest().getBytes())
}
