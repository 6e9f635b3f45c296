/** Mistakes seen in public clients: a near-miss path, a plain JSON body where content must be encrypted, getQR without state. */
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import { type DiagnosisContext, diagnosis } from './diagnosis.kit'
import type { Diagnosis } from './inspector.types'

/** Paths public clients call that the platform does not serve, with the one they meant (reference §3). */
const KNOWN_NEAR_MISSES: Record<string, string> = {
  // G4 calls e-ME at /account/auth/eme/…; the official sample (G1) and the sandbox serve /account/eme/….
  '/account/auth/eme/initiateRequest': '/account/eme/initiateRequest',
  '/account/profile/initiateRequest': '/account/auth/profile/initiateRequest',
  '/security/getkey': '/security/getKey',
}

const SIGNED_PATHS: readonly string[] = Object.values(platformOperations)
  .filter((op) => op.method === 'post')
  .map((op) => op.path)

/** The served path a request to `path` (relative to /api/v1) most likely meant, or undefined when none is close. */
export function nearestPath(path: string): string | undefined {
  const p =
    path
      .slice(0, 200)
      .replace(/^\/api\/v1(?=\/)/, '')
      .replace(/\/+$/, '') || '/'
  if (KNOWN_NEAR_MISSES[p]) return KNOWN_NEAR_MISSES[p]
  const lower = p.toLowerCase()
  const exact = SIGNED_PATHS.find((s) => s.toLowerCase() === lower)
  if (exact) return exact
  let best: { path: string; d: number } | undefined
  for (const s of SIGNED_PATHS) {
    const d = distance(lower, s.toLowerCase())
    if (!best || d < best.d) best = { path: s, d }
  }
  return best && best.d <= Math.max(3, Math.floor(best.path.length / 6)) ? best.path : undefined
}

/** D20027 on a signed call to a path the platform does not serve. */
export function diagnosePath(ctx: DiagnosisContext): Diagnosis[] {
  const sent = String((ctx.record.request as { path?: unknown } | undefined)?.path ?? '')
  const meant = nearestPath(sent)
  if (!meant) return []
  return [
    diagnosis(
      'path-near-miss',
      'error',
      `No operation at ${sent}: did you mean /api/v1${meant}?`,
      `The platform answers D20027 (HTTP 404) for a path it does not serve. ${sent} is close to /api/v1${meant}${
        sent.includes('/account/auth/eme/')
          ? ' (one public client calls e-ME under /account/auth/eme/; the official sample uses /account/eme/)'
          : ''
      }.`,
      `Call POST /api/v1${meant}: paths are case-sensitive and have no trailing slash. The API reference lists every path.`,
    ),
  ]
}

/** D20002 at the decrypt step: the body is a plain JSON request, not {"content": "<encrypted request>"}. */
export function diagnosePlainBody(ctx: DiagnosisContext): Diagnosis[] {
  let body: unknown
  try {
    body = JSON.parse(ctx.record.evidence?.rawBody ?? '')
  } catch {
    return []
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return []
  const keys = Object.keys(body).filter((k) => k !== 'content')
  if (keys.length === 0) return []
  return [
    diagnosis(
      'plain-json-body',
      'error',
      'The request was sent as plain JSON; this operation needs encrypted content',
      `The body has ${keys
        .slice(0, 5)
        .map((k) => `"${k}"`)
        .join(
          ', ',
        )}${keys.length > 5 ? ', …' : ''} at the top level and no "content". Encrypted operations take {"content": "<Base64 AES-GCM of the JSON request>"}.`,
      'Encrypt the request with the CEK from getKey and send {"content": "…"} (the typed client does this). If you are testing the sample library’s unencrypted mode, choose the app’s "unencrypted" compatibility profile instead.',
    ),
  ]
}

/** getQR without `state`: accepted (a public client omits it), but the OSP then cannot tie the return to its session. */
export function getQrStateWarning(ctx: DiagnosisContext): Diagnosis[] {
  if (ctx.record.operationId !== 'getQr') return []
  const state = (ctx.record.request as { state?: unknown } | undefined)?.state
  if (typeof state === 'string' && state !== '') return []
  return [
    diagnosis(
      'get-qr-state-missing',
      'warning',
      'getQR was called without state',
      'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).',
      'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.',
    ),
  ]
}

/** Levenshtein distance (paths are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]!
}
