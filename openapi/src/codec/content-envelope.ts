/** The `content` envelope (reference §2.4): AES-256-GCM, Base64(uint32be(12) ‖ IV ‖ ciphertext ‖ tag). */
import { base64ToBytes, bytesToBase64, bytesToHex, concatBytes, toBuffer, utf8Bytes, utf8Text } from './bytes'
import { CodecError, type CodecErrorCode } from './errors'
import { BoundedCache } from './key-cache'
import { native } from './native'
import { randomBytes } from './random'

export const CEK_BYTES = 32
export const IV_BYTES = 12
export const TAG_BYTES = 16
const PREFIX_BYTES = 4

const aesKeys = new BoundedCache<string, Promise<CryptoKey>>(256)

function aesKey(cek: Uint8Array, code: CodecErrorCode): Promise<CryptoKey> {
  if (!(cek instanceof Uint8Array) || cek.length !== CEK_BYTES) {
    return Promise.reject(new CodecError(code, 'content encryption key must be 32 bytes (AES-256)'))
  }
  const id = bytesToHex(cek)
  const hit = aesKeys.get(id)
  if (hit) return hit
  const created = globalThis.crypto.subtle.importKey('raw', toBuffer(cek), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ])
  aesKeys.set(id, created)
  created.catch(() => aesKeys.delete(id))
  return created
}

/**
 * Encrypts a UTF-8 string into a `content` string. The IV is 12 fresh CSPRNG bytes unless one is
 * given (known-answer tests only: never reuse an IV with the same CEK).
 *
 * @example const content = await encryptContent(cek, JSON.stringify({ code, grantType: 'authorization_code' }))
 */
export async function encryptContent(cek: Uint8Array, plaintext: string, iv?: Uint8Array): Promise<string> {
  if (typeof plaintext !== 'string') throw new CodecError('D30003', 'plaintext must be a string')
  const nonce = iv === undefined ? randomBytes(IV_BYTES) : toBuffer(iv)
  if (nonce.length !== IV_BYTES) throw new CodecError('D30003', 'IV must be 12 bytes')
  const n = native()
  if (n) {
    if (!(cek instanceof Uint8Array) || cek.length !== CEK_BYTES) {
      throw new CodecError('D30003', 'content encryption key must be 32 bytes (AES-256)')
    }
    const cipher = n.createCipheriv('aes-256-gcm', cek, nonce, { authTagLength: TAG_BYTES })
    const body = cipher.update(plaintext, 'utf8')
    const prefix = new Uint8Array(PREFIX_BYTES)
    new DataView(prefix.buffer).setUint32(0, IV_BYTES)
    return bytesToBase64(concatBytes(prefix, nonce, body, cipher.final(), cipher.getAuthTag()))
  }
  const key = await aesKey(cek, 'D30003')
  let sealed: ArrayBuffer
  try {
    sealed = await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: nonce, tagLength: TAG_BYTES * 8 },
      key,
      utf8Bytes(plaintext),
    )
  } catch (cause) {
    throw new CodecError('D30003', 'content encryption failed', { cause })
  }
  const prefix = new Uint8Array(PREFIX_BYTES)
  new DataView(prefix.buffer).setUint32(0, IV_BYTES)
  return bytesToBase64(concatBytes(prefix, nonce, new Uint8Array(sealed)))
}

/**
 * Decrypts a `content` string. Any malformed input (not a string, bad Base64, too short, a length
 * prefix other than 12), a wrong key, a bad tag or invalid UTF-8 throws `CodecError('D30004')`.
 */
export async function decryptContent(cek: Uint8Array, content: string): Promise<string> {
  if (typeof content !== 'string') throw new CodecError('D30004', 'content must be a Base64 string')
  let raw: Uint8Array<ArrayBuffer>
  try {
    raw = base64ToBytes(content)
  } catch {
    throw new CodecError('D30004', 'content is not valid Base64')
  }
  if (raw.length < PREFIX_BYTES + IV_BYTES + TAG_BYTES) throw new CodecError('D30004', 'content is too short')
  if (new DataView(raw.buffer, raw.byteOffset, raw.length).getUint32(0) !== IV_BYTES) {
    throw new CodecError('D30004', 'content IV length prefix must be 12')
  }
  const n = native()
  if (n) {
    if (!(cek instanceof Uint8Array) || cek.length !== CEK_BYTES) {
      throw new CodecError('D30004', 'content encryption key must be 32 bytes (AES-256)')
    }
    let opened: Uint8Array
    try {
      const d = n.createDecipheriv('aes-256-gcm', cek, raw.subarray(PREFIX_BYTES, PREFIX_BYTES + IV_BYTES), {
        authTagLength: TAG_BYTES,
      })
      d.setAuthTag(raw.subarray(raw.length - TAG_BYTES))
      opened = concatBytes(d.update(raw.subarray(PREFIX_BYTES + IV_BYTES, raw.length - TAG_BYTES)), d.final())
    } catch {
      throw new CodecError('D30004', 'content authentication failed (wrong key or tampered content)')
    }
    try {
      return utf8Text(opened)
    } catch {
      throw new CodecError('D30004', 'decrypted content is not valid UTF-8')
    }
  }
  const key = await aesKey(cek, 'D30004')
  let plain: ArrayBuffer
  try {
    plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: raw.subarray(PREFIX_BYTES, PREFIX_BYTES + IV_BYTES), tagLength: TAG_BYTES * 8 },
      key,
      raw.subarray(PREFIX_BYTES + IV_BYTES),
    )
  } catch {
    throw new CodecError('D30004', 'content authentication failed (wrong key or tampered content)')
  }
  try {
    return utf8Text(new Uint8Array(plain))
  } catch {
    throw new CodecError('D30004', 'decrypted content is not valid UTF-8')
  }
}

/** `encryptContent(cek, JSON.stringify(value))`; a value JSON cannot represent throws D30003. */
export async function encryptJson(cek: Uint8Array, value: unknown): Promise<string> {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (cause) {
    throw new CodecError('D30003', 'value is not JSON-serialisable', { cause })
  }
  if (text === undefined) throw new CodecError('D30003', 'value is not JSON-serialisable')
  return encryptContent(cek, text)
}

/** Decrypts and parses JSON content; non-JSON plaintext throws D30004 like any other decryption failure. */
export async function decryptJson<T = unknown>(cek: Uint8Array, content: string): Promise<T> {
  const text = await decryptContent(cek, content)
  try {
    return JSON.parse(text) as T
  } catch {
    throw new CodecError('D30004', 'decrypted content is not JSON')
  }
}
