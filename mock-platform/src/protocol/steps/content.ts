/** Steps `decrypt` and (after the handler) seal: the request's content opened with the app's CEK, the answer sealed with it. */
import { decryptJson, encryptJson } from '@iamsmart-sandbox/openapi/codec'
import { PlatformError } from '../../errors'
import { MAX_JSON_DEPTH, nestedTooDeep } from '../../http/json-depth'
import type { Step } from '../signed-call'

export const openContent: Step = async (call, deps) => {
  if (!call.encrypted) return checkNoParameters(call.raw, call.operationId)
  const body = parseJson(call.raw)
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new PlatformError('D20003', 'body must be {"content": "..."}')
  const content = (body as Record<string, unknown>).content
  if (typeof content !== 'string' && deps.apps.acceptsPlainContent(call.app!)) {
    call.plain = true
    call.request = body
    return
  }
  if (content === undefined || content === null || content === '')
    throw new PlatformError(
      'D20002',
      Object.keys(body).some((k) => k !== 'content')
        ? 'content is missing: the body is plain JSON, not {"content": "<encrypted request>"}'
        : 'content is missing',
    )
  if (typeof content !== 'string') throw new PlatformError('D20003', 'content must be a Base64 string')
  const clientID = call.parts!.clientID
  const found = deps.keys.candidates(clientID)
  const candidates = found instanceof Promise ? await found : found
  if (candidates.length === 0) throw new PlatformError('D30002', 'no valid CEK: call security/getKey')
  for (const k of candidates) {
    try {
      call.request = await decryptJson(k.key, content)
      call.cek = k.key
      break
    } catch {}
  }
  if (!call.cek) {
    // A CEK that expired or was rotated out is "not exist or expired" (D30002), as the sample's retry expects.
    for (const k of await deps.keys.stale(clientID))
      if (await opens(k.key, content))
        throw new PlatformError('D30002', 'content was encrypted with a CEK that expired or no longer exists')
    throw new PlatformError('D30004', 'content does not decrypt with the current or previous CEK')
  }
  const request = call.request
  if (!request || typeof request !== 'object' || Array.isArray(request))
    throw new PlatformError('D20003', 'decrypted content must be a JSON object')
  if (nestedTooDeep(request))
    throw new PlatformError('D20003', `decrypted content nests deeper than ${MAX_JSON_DEPTH} levels`)
}

/** The answer's `content`: sealed with the request's CEK on encrypted operations, as is otherwise. */
export async function sealedContent(call: {
  encrypted: boolean
  plain: boolean
  cek?: Uint8Array
  result?: unknown
}): Promise<unknown> {
  const result = call.result ?? null
  return call.encrypted && !call.plain && result !== null ? encryptJson(call.cek!, result) : result
}

/** getKey and revokeKey take no parameters (the sample posts {}, others an empty body). */
function checkNoParameters(raw: string, operationId: string): void {
  if (raw.length === 0 || raw.trim() === '{}') return
  const body = parseJson(raw)
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new PlatformError('D20003', 'body must be a JSON object')
  const names = Object.keys(body)
  if (names.length > 0)
    throw new PlatformError(
      'D20001',
      `${operationId} takes no parameters: send {} or an empty body (got ${names.slice(0, 5).join(', ')})`,
    )
}

async function opens(key: Uint8Array, content: string): Promise<boolean> {
  try {
    await decryptJson(key, content)
    return true
  } catch {
    return false
  }
}

function parseJson(raw: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new PlatformError('D20003', 'body is not valid JSON')
  }
  if (nestedTooDeep(value))
    throw new PlatformError('D20003', `body nests deeper than ${MAX_JSON_DEPTH} levels`)
  return value
}
