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
  DCode,
  IamSmartError,
  IamSmartErrorCode,
  IamSmartFailure,
  IamSmartResult,
  PlatformError,
  ProtocolError,
  TransportError,
  TransportErrorCode,
} from './result'
export { isDCode, SUCCESS_CODE } from './result'
// Signing helpers (pdf-lib, node:crypto) are a separate entry point: `@iamsmart-sandbox/openapi/signing`.
export {
  type Envelope,
  type FetchLike,
  type IamSmartLogEvent,
  type IamSmartLogger,
  toEnvelope,
} from './transport'
