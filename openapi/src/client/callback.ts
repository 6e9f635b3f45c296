/** Decrypts the platform's callback POSTs `{txID, code, message, content, secretKey}` (reference §2.5). */
import { decryptJson, unwrapCek } from '../codec'
import type { CekStore } from './cek-store'
import {
  failure,
  type IamSmartResult,
  type PlatformError,
  isDCode,
  protocolFailure,
  SUCCESS_CODE,
  success,
  unknownCodeFailure,
} from './result'

/** The callback body exactly as POSTed to the OSP's redirectURI. */
export interface CallbackBody {
  txID: string
  code: string
  message?: string
  content?: string | null
  secretKey?: string | null
}

/**
 * Tries every configured KEK on `secretKey` (always all of them, so the number of RSA operations
 * does not depend on which key or padding matched) and returns the first candidate CEK that
 * authenticates `content`. Without a `secretKey` the cached CEK is tried. Any failure is the same
 * D30004, so a forged callback learns nothing about why it failed (no padding oracle).
 */
async function open(
  store: CekStore,
  body: CallbackBody,
): Promise<{ cek: Uint8Array; content: unknown } | undefined> {
  if (typeof body.content !== 'string') return undefined
  const candidates: Uint8Array[] = []
  if (typeof body.secretKey === 'string' && body.secretKey !== '') {
    for (const key of store.keys) {
      try {
        candidates.push(unwrapCek(body.secretKey, key))
      } catch {
        // not this key
      }
    }
  } else {
    const cached = store.peek()
    if (cached) candidates.push(cached)
  }
  for (const cek of candidates) {
    try {
      return { cek, content: resultOf(await decryptJson(cek, body.content)) }
    } catch {
      // not this candidate
    }
  }
  return undefined
}

/**
 * The result inside a decrypted callback, whatever the layout: `{content: result}` (the platform's, as the eHealth
 * System's production handler reads it) or the result itself (the `flat-callbacks` compatibility profile).
 */
export function resultOf(decrypted: unknown): unknown {
  if (decrypted === null || typeof decrypted !== 'object' || Array.isArray(decrypted)) return decrypted
  const keys = Object.keys(decrypted)
  const inner = (decrypted as { content?: unknown }).content
  return keys.length === 1 && inner !== null && typeof inner === 'object' && !Array.isArray(inner)
    ? inner
    : decrypted
}

/**
 * Decrypts a callback. D00000 → `{ ok: true, data }` with the result (nested `{content: result}` or flat, the same
 * either way); any other code →
 * a platform error carrying that code (and the decrypted content when there is any, to correlate
 * `businessID`/`state`). The CEK is adopted into the cache when `adopt` is set.
 *
 * A callback is not authenticated by this envelope (anyone holding the OSP's public KEK can build
 * one): always match `businessID` and `state` against a request you actually initiated.
 */
export async function decryptCallback<T>(
  store: CekStore,
  body: CallbackBody,
  adopt: boolean,
): Promise<IamSmartResult<T>> {
  if (body === null || typeof body !== 'object' || typeof body.code !== 'string') {
    return protocolFailure('D30004', 'callback body is not an iAM Smart callback')
  }
  const txID = typeof body.txID === 'string' ? body.txID : ''
  if (!isDCode(body.code)) return unknownCodeFailure({ code: body.code, txID })
  const opened = body.content === null || body.content === undefined ? undefined : await open(store, body)
  if (body.code !== SUCCESS_CODE) {
    const error: PlatformError = { kind: 'platform', code: body.code, message: body.message ?? '' }
    if (txID) error.txID = txID
    if (opened) error.content = opened.content
    return failure(error)
  }
  if (!opened)
    return protocolFailure(
      'D30004',
      'callback content could not be decrypted with any configured KEK',
      txID || undefined,
    )
  if (adopt) store.adopt(opened.cek)
  return success(opened.content as T, txID)
}
