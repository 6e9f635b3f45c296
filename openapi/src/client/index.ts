/** The typed iAM Smart client: signed, encrypted back-channel calls, getQR URLs and callback decryption. */
export type { CallbackBody } from './callback'
export { ADOPTED_CEK_LIFETIME_MS, type CekGrant, type KekPrivateKey } from './cek-store'
export { createIamSmartClient, type IamSmartClient, type IamSmartClientOptions } from './create-client'
export {
  APP_SOURCES,
  BROWSER_SOURCES,
  buildGetQrUrl,
  type GetQrUrlOptions,
  type Lang,
  type Source,
} from './get-qr-url'
export type {
  CallbackKind,
  OperationMethods,
  PostOperationId,
  RequestArgs,
  RequestOf,
  ResponseOf,
} from './operations'
export type {
  IamSmartError,
  IamSmartFailure,
  IamSmartResult,
  PlatformError,
  ProtocolError,
  TransportError,
} from './result'
export { SUCCESS_CODE } from './result'
export {
  DEFAULT_PDF_SIGNATURE_SIZE,
  embedPdfSignature,
  type PreparedPdf,
  type PreparePdfOptions,
  preparePdfForSigning,
  type VerifyHashSignatureInput,
  type VerifyHashSignatureResult,
  verifyHashSignature,
} from './signing'
export { type Envelope, type FetchLike, toEnvelope } from './transport'
