/** The bodies and strings an OSP may have signed instead of what it sent: re-serialised JSON, encodings, lengths, formats. */
import { decryptContent } from '@iamsmart-sandbox/openapi/codec'
import { nestedTooDeep } from '../../http/json-depth'
import type { DiagnosisContext } from './diagnosis.kit'

export interface Variant {
  how: string
  body?: string
  message?: string
}

/** Bodies and strings an OSP may have signed instead of what it sent. */
export async function variants(ctx: DiagnosisContext, raw: string): Promise<Variant[]> {
  const out: Variant[] = []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {}
  // Re-serialising recurses: a body nested too deeply (refused with D20003 anyway) gets no JSON variants.
  if (nestedTooDeep(parsed)) parsed = undefined
  if (parsed !== undefined) {
    out.push({ how: 'json:compact', body: JSON.stringify(parsed) })
    out.push({ how: 'json:pretty (2 spaces)', body: JSON.stringify(parsed, null, 2) })
    out.push({ how: 'json:pretty (4 spaces)', body: JSON.stringify(parsed, null, 4) })
    out.push({ how: 'json:keys sorted', body: JSON.stringify(sortKeys(parsed)) })
    out.push({ how: 'json:spaced', body: JSON.stringify(parsed).replace(/":/g, '": ').replace(/,"/g, ', "') })
  }
  out.push({ how: 'url:encoded', body: encodeURIComponent(raw) })
  try {
    out.push({ how: 'url:decoded', body: decodeURIComponent(raw) })
  } catch {}
  out.push(
    { how: 'length:trailing newline', body: `${raw}\n` },
    { how: 'length:trailing CRLF', body: `${raw}\r\n` },
  )
  out.push({ how: 'length:trimmed', body: raw.trim() })
  if (raw === '{}') out.push({ how: 'length:empty body signed', body: '' })
  else if (raw.trim() !== '') out.push({ how: 'empty:', body: '' })
  if (raw === '') out.push({ how: 'length:{} signed', body: '{}' })
  const content = (parsed as { content?: unknown } | undefined)?.content
  if (typeof content === 'string') {
    out.push({ how: 'content-only', body: content })
    for (const plain of await plaintexts(ctx, content)) out.push({ how: 'plaintext', body: plain })
  }
  const h = ctx.record.headers
  const [c, m, t, n] = [h.clientID ?? '', h.signatureMethod ?? '', h.timestamp ?? '', h.nonce ?? '']
  for (const sep of ['&', '\n', '|', ','])
    out.push({ how: `format:separated by ${JSON.stringify(sep)}`, message: [c, m, t, n, raw].join(sep) })
  out.push({ how: 'format:without signatureMethod', message: `${c}${t}${n}${raw}` })
  out.push({ how: 'format:without clientID', message: `${m}${t}${n}${raw}` })
  out.push({ how: 'format:body only', message: raw })
  out.push({ how: 'format:nonce before timestamp', message: `${c}${m}${n}${t}${raw}` })
  return out.filter((v) => v.body !== raw || v.message !== undefined)
}

/** The request as the OSP may have signed it before encrypting (decrypted with any CEK of the app). */
async function plaintexts(ctx: DiagnosisContext, content: string): Promise<string[]> {
  const { current, previous } = await ctx.keys.inspect(ctx.record.clientID ?? '')
  for (const k of [current, previous]) {
    if (!k) continue
    try {
      const text = await decryptContent(k.key, content)
      return [...new Set([text, JSON.stringify(JSON.parse(text))])]
    } catch {}
  }
  return []
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    )
  return v
}
