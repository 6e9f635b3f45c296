/** Result values of the typed client: every outcome is data (`ok: true | false`), never a thrown string. */
import { type DCode, dCodes } from '../../generated/dcodes'
import type { CodecErrorCode } from '../codec'

export type { DCode } from '../../generated/dcodes'

export const SUCCESS_CODE = 'D00000'

/**
 * True when `value` is one of the D-codes the contract defines. `DCode` is a closed union, so
 * `error.code === 'D4004'` (a typo) does not compile; use this guard on strings from elsewhere.
 */
export function isDCode(value: unknown): value is DCode {
  return typeof value === 'string' && Object.hasOwn(dCodes, value)
}

/** The platform answered with a non-D00000 envelope (or a non-2xx status carrying one). */
export interface PlatformError {
  kind: 'platform'
  code: DCode
  message: string
  txID?: string
  /** HTTP status, when the envelope came with a non-2xx status (404, 413, 415, 429 …). */
  status?: number
  /** A failed callback's decrypted content, when it had any (e.g. `businessID`/`state` to correlate a cancel). */
  content?: unknown
}

/** The client could not sign, wrap, unwrap, encrypt or decrypt (bad GCM tag → D30004). */
export interface ProtocolError {
  kind: 'protocol'
  code: CodecErrorCode
  message: string
  txID?: string
}

/**
 * Why a request produced no iAM Smart answer the contract describes:
 * `NETWORK_ERROR` the request failed (DNS, refused, reset, TLS); `TIMEOUT` no answer within `timeoutMs`;
 * `HTTP_ERROR` a non-2xx status without an envelope; `INVALID_RESPONSE` a 2xx that is not an envelope, or an
 * envelope whose code is not one of the contract's D-codes (`receivedCode`).
 */
export type TransportErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'HTTP_ERROR' | 'INVALID_RESPONSE'

/** The request never produced an iAM Smart envelope: network failure, timeout, non-2xx without envelope, non-JSON body. */
export interface TransportError {
  kind: 'transport'
  code: TransportErrorCode
  status?: number
  message: string
  /** The unknown code of an `INVALID_RESPONSE` envelope. */
  receivedCode?: string
  txID?: string
}

export type IamSmartError = PlatformError | ProtocolError | TransportError

/** Every code an error can carry: a D-code or a transport code. */
export type IamSmartErrorCode = IamSmartError['code']

export type IamSmartResult<T> =
  { ok: true; data: T; txID: string; code: typeof SUCCESS_CODE } | { ok: false; error: IamSmartError }

export type IamSmartFailure = Extract<IamSmartResult<never>, { ok: false }>

export function success<T>(data: T, txID: string): IamSmartResult<T> {
  return { ok: true, data, txID, code: SUCCESS_CODE }
}

export function failure(error: IamSmartError): IamSmartFailure {
  return { ok: false, error }
}

/** An envelope code the contract does not define: an INVALID_RESPONSE transport error naming it. */
export function unknownCodeFailure(
  envelope: { code: string; txID: string },
  status?: number,
): IamSmartFailure {
  const error: TransportError = {
    kind: 'transport',
    code: 'INVALID_RESPONSE',
    message: `the platform answered with code "${envelope.code.slice(0, 40)}", which the contract does not define`,
    receivedCode: envelope.code,
  }
  if (envelope.txID) error.txID = envelope.txID
  if (status !== undefined) error.status = status
  return failure(error)
}

/** A non-D00000 envelope as a platform failure; `status` is kept only when it was not 2xx. */
export function platformFailure(
  envelope: { code: string; message: string; txID: string },
  status?: number,
): IamSmartFailure {
  if (!isDCode(envelope.code)) return unknownCodeFailure(envelope, status)
  const error: PlatformError = { kind: 'platform', code: envelope.code, message: envelope.message }
  if (envelope.txID) error.txID = envelope.txID
  if (status !== undefined && (status < 200 || status > 299)) error.status = status
  return failure(error)
}

export function protocolFailure(code: CodecErrorCode, message: string, txID?: string): IamSmartFailure {
  return failure(
    txID === undefined ? { kind: 'protocol', code, message } : { kind: 'protocol', code, message, txID },
  )
}

export function transportFailure(
  code: TransportErrorCode,
  message: string,
  status?: number,
): IamSmartFailure {
  return failure(
    status === undefined
      ? { kind: 'transport', code, message }
      : { kind: 'transport', code, status, message },
  )
}
