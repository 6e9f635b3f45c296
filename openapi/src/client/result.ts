/** Result values of the typed client: every outcome is data (`ok: true | false`), never a thrown string. */
import type { DCode } from '../../generated/dcodes'
import type { CodecErrorCode } from '../codec'

export const SUCCESS_CODE = 'D00000'

/** The platform answered with a non-D00000 envelope (or a non-2xx status carrying one). */
export interface PlatformError {
  kind: 'platform'
  code: DCode | (string & Record<never, never>)
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

/** The request never produced an iAM Smart envelope: network failure, non-2xx without envelope, non-JSON body. */
export interface TransportError {
  kind: 'transport'
  status?: number
  message: string
}

export type IamSmartError = PlatformError | ProtocolError | TransportError

export type IamSmartResult<T> =
  { ok: true; data: T; txID: string; code: typeof SUCCESS_CODE } | { ok: false; error: IamSmartError }

export type IamSmartFailure = Extract<IamSmartResult<never>, { ok: false }>

export function success<T>(data: T, txID: string): IamSmartResult<T> {
  return { ok: true, data, txID, code: SUCCESS_CODE }
}

export function failure(error: IamSmartError): IamSmartFailure {
  return { ok: false, error }
}

/** A non-D00000 envelope as a platform failure; `status` is kept only when it was not 2xx. */
export function platformFailure(
  envelope: { code: string; message: string; txID: string },
  status?: number,
): IamSmartFailure {
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

export function transportFailure(message: string, status?: number): IamSmartFailure {
  return failure(
    status === undefined ? { kind: 'transport', message } : { kind: 'transport', status, message },
  )
}
