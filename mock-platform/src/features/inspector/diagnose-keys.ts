/** D30002 / D30004: which CEK the content was encrypted with — expired, rotated out, revoked, another app's, or never issued. */
import { decryptContent } from '@iamsmart-sandbox/openapi/codec'
import { type DiagnosisContext, describeDuration, diagnosis, iso } from './diagnosis.kit'
import type { Diagnosis } from './inspector.types'

const FIX =
  'Call security/getKey, cache the CEK until issueAt + expiresIn, and when a call answers D30002 or D30004 fetch a new CEK and retry once (the typed client does this for you).'

/** How far other apps' CEKs are searched (the diagnosis must stay cheap). */
const MAX_FOREIGN_KEYS = 2000

export async function diagnoseCek(ctx: DiagnosisContext): Promise<Diagnosis[]> {
  const { record } = ctx
  const facts = record.evidence?.cek ?? {}
  const keys = [facts.current, facts.previous].filter((k) => k !== undefined)
  const now = record.evidence?.serverNow ?? record.at
  const clock =
    ctx.clockOffsetMs > 0 ? ` The app's test clock is ${describeDuration(ctx.clockOffsetMs)} ahead.` : ''
  const forcedAt = ctx.scenarios.cekExpiredAt(record.clientID ?? '')

  if (record.code === 'D30002') {
    const newest = keys.sort((a, b) => b.expiresAt - a.expiresAt)[0]
    if (newest && newest.expiresAt <= now) {
      const byScenario = forcedAt !== undefined && forcedAt === newest.expiresAt
      return [
        diagnosis(
          'cek-expired',
          'error',
          `The CEK expired at ${iso(newest.expiresAt)}${byScenario ? ' (forced by a scenario)' : ''}`,
          `Your newest CEK was issued at ${iso(newest.issueAt)} and expired ${describeDuration(now - newest.expiresAt)} before this call.${byScenario ? ' A "force CEK expiry" scenario expired it.' : ''}${clock}`,
          FIX,
        ),
      ]
    }
    // Content sealed with one of the app's own CEKs that expired or was rotated out (the platform found it so).
    const sealed = contentOf(record.evidence?.rawBody ?? '')
    const own = await ctx.keys.inspect(record.clientID ?? '')
    if (sealed !== undefined) {
      for (const k of [own.current, own.previous]) {
        if (k && k.expiresAt <= now && (await opens(k.key, sealed)))
          return [
            diagnosis(
              'cek-expired',
              'error',
              `The content was encrypted with a CEK that expired at ${iso(k.expiresAt)}`,
              `That CEK was issued at ${iso(k.issueAt)}; a newer one exists (from a later getKey), and expired CEKs are not tried.${clock}`,
              FIX,
            ),
          ]
      }
      if (facts.revokedAt === undefined || own.current) {
        for (const k of await ctx.keys.retiredOf(record.clientID ?? '')) {
          if (await opens(k.key, sealed))
            return [
              diagnosis(
                'cek-rotated-out',
                'error',
                `The content was encrypted with a CEK issued at ${iso(k.issueAt)} that no longer exists`,
                'Two later getKey calls (or a revokeKey) replaced it: the platform keeps only the current CEK and the previous one. Several processes sharing one app, each calling getKey, rotate each other’s CEK out.',
                `${FIX} Share one CEK cache between the processes of an app, or let each retry once on D30002.`,
              ),
            ]
        }
      }
    }
    if (facts.revokedAt !== undefined) {
      return [
        diagnosis(
          'cek-revoked',
          'error',
          `The CEKs were revoked at ${iso(facts.revokedAt)}`,
          'security/revokeKey dropped the current and previous CEK; every encrypted call answers D30002 until getKey is called again.',
          FIX,
        ),
      ]
    }
    return [
      diagnosis(
        'cek-missing',
        'error',
        'This app has no CEK: getKey was never called (since the sandbox started)',
        'Encrypted calls need a content encryption key from security/getKey first. The sandbox keeps CEKs in memory, so a restart drops them.',
        FIX,
      ),
    ]
  }

  // D30004: a valid CEK exists, but the content does not open with it.
  const content = contentOf(record.evidence?.rawBody ?? '')
  if (content === undefined) return []
  // (Content under one of the app's own expired or rotated-out CEKs answers D30002, diagnosed above.)
  let searched = 0
  // One more than searched: this app's own CEKs are among them.
  for (const [clientID, k] of await ctx.keys.all(MAX_FOREIGN_KEYS + 2)) {
    if (clientID === record.clientID) continue
    if (++searched > MAX_FOREIGN_KEYS) break
    if (await opens(k.key, content))
      return [
        diagnosis(
          'cek-other-app',
          'error',
          'The content was encrypted with a CEK issued to another app',
          `CEKs belong to one clientID. This call came as ${record.clientID}, but its content opens only with a CEK another app received from getKey.`,
          `Use the CEK from getKey called with this app's clientID and secret (one CEK cache per app). ${FIX}`,
        ),
      ]
  }
  const layout = await layoutProblem(content)
  return [
    diagnosis(
      'cek-unknown',
      'error',
      layout
        ? `The content is not a valid encrypted envelope: ${layout}`
        : 'The content was encrypted with a CEK this app was never issued (or one older than the previous)',
      layout
        ? 'The content must be Base64 of: a 4-byte big-endian IV length (12), the 12-byte IV, the AES-256-GCM ciphertext and the 16-byte tag.'
        : 'It does not open with the current or previous CEK of this app, nor with any CEK the sandbox holds; it may also have been altered in transit.',
      FIX,
    ),
  ]
}

function contentOf(raw: string): string | undefined {
  try {
    const c = (JSON.parse(raw) as { content?: unknown }).content
    return typeof c === 'string' ? c : undefined
  } catch {
    return undefined
  }
}

/** Whether `content` decrypts with `key`. */
const opens = (key: Uint8Array, content: string): Promise<boolean> =>
  decryptContent(key, content).then(
    () => true,
    () => false,
  )

/** The codec's reason when the envelope is malformed (not Base64, too short, wrong IV length); undefined when well formed. */
async function layoutProblem(content: string): Promise<string | undefined> {
  try {
    await decryptContent(new Uint8Array(32), content)
  } catch (e) {
    const m = (e as Error).message
    return /authentication|UTF-8/.test(m) ? undefined : m
  }
  return undefined
}
