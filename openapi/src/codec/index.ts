/** The iAM Smart protocol codec, shared by the typed client and the mock platform (Web Crypto + node-forge). */
export { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes } from './bytes'
export { unwrapCek, wrapCek } from './cek-wrap'
export {
  CEK_BYTES,
  decryptContent,
  decryptJson,
  encryptContent,
  encryptJson,
  IV_BYTES,
  TAG_BYTES,
} from './content-envelope'
export { CodecError, type CodecErrorCode, isCodecError } from './errors'
export { hkicHash, hkidCheckDigit, isValidHkid, parseHkid } from './hkid'
export { BoundedCache } from './key-cache'
export { newNonce, randomBytes, randomHex } from './random'
export { MIN_RSA_BITS, privateKeySpkiBase64, spkiBase64 } from './rsa-keys'
export { computeAnonymousSignCode, computeSignCode } from './sign-code'
export {
  decodeSignatureHeader,
  encodeSignatureHeader,
  hmacSha256Base64,
  SIGNATURE_METHOD,
  type SignatureParts,
  type SignedHeaders,
  signRequest,
  stringToSign,
  timingSafeEqualString,
  verifySignature,
} from './signature'
export { useNativeCrypto } from './native'
