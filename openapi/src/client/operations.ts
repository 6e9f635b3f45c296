/** Typing of the client's operation methods, derived from the generated operation table (openapi/generated). */
import type {
  PlatformCallbackTypes,
  PlatformOperationId,
  PlatformOperationTypes,
} from '../../generated/platform-operations'
import type { IamSmartResult } from './result'

export { type PlatformCallbackTypes, platformOperations } from '../../generated/platform-operations'

/** The back-channel POST operations (getQr is a browser navigation, see `buildGetQrUrl`). */
export type PostOperationId = Extract<keyof PlatformOperationTypes, PlatformOperationId>
export type RequestOf<K extends PostOperationId> = PlatformOperationTypes[K]['request']
export type ResponseOf<K extends PostOperationId> = PlatformOperationTypes[K]['response']
export type CallbackKind = keyof PlatformCallbackTypes

/** The request argument: optional when the request has no required member (getKey, revokeKey). */
export type RequestArgs<K extends PostOperationId> =
  Record<never, never> extends RequestOf<K> ? [request?: RequestOf<K>] : [request: RequestOf<K>]

/** One typed method per POST operation, e.g. `client.getToken({ code, grantType })`. */
export type OperationMethods = {
  [K in PostOperationId]: (...args: RequestArgs<K>) => Promise<IamSmartResult<ResponseOf<K>>>
}
