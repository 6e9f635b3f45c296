/** Attachments (Base64 in JSON): allowed types by sniffed content, size and count limits, HKIDs masked in text files. */
import { createHash } from 'node:crypto'
import { ProblemError } from '../../errors'
import { maskHkidsInText } from '../../personas/hkid'
import { LIMITS } from './support.types'

type Kind = 'png' | 'jpeg' | 'pdf' | 'text' | 'json'

type Allowed = { kind: Kind; type: string }
const JPEG: Allowed = { kind: 'jpeg', type: 'image/jpeg' }
const TEXT: Allowed = { kind: 'text', type: 'text/plain; charset=utf-8' }

/** Extension → the content it must hold and the type it is served with. */
export const ALLOWED_EXTENSIONS: Record<string, Allowed> = {
  png: { kind: 'png', type: 'image/png' },
  jpg: JPEG,
  jpeg: JPEG,
  pdf: { kind: 'pdf', type: 'application/pdf' },
  txt: TEXT,
  log: TEXT,
  json: { kind: 'json', type: 'application/json; charset=utf-8' },
}
const ALLOWED_LIST = 'png, jpeg, pdf, txt, json, log'

export interface AttachmentInput {
  filename?: unknown
  contentType?: unknown
  data?: unknown
}

export interface AcceptedAttachment {
  filename: string
  contentType: string
  bytes: Uint8Array
  masked: boolean
  sha256: string
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const fatal = new TextDecoder('utf-8', { fatal: true })

/** The file-type extensions of the signatures attachments may carry (an animated PNG is still a PNG). */
const SIGNATURES: Record<string, Kind> = { png: 'png', apng: 'png', jpg: 'jpeg', pdf: 'pdf' }

/** What the bytes are: PNG, JPEG or PDF by their signature (file-type, loaded on first use), else clean UTF-8 text. */
export async function sniff(bytes: Uint8Array): Promise<Kind | undefined> {
  const { fileTypeFromBuffer } = await import('file-type')
  const signed = SIGNATURES[(await fileTypeFromBuffer(bytes))?.ext ?? '']
  if (signed) return signed
  let text: string
  try {
    text = fatal.decode(bytes)
  } catch {
    return undefined
  }
  // Control characters other than tab, line feed, form feed and carriage return mean binary content.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return undefined
  try {
    JSON.parse(text)
    return 'json'
  } catch {
    return 'text'
  }
}

/** The last path segment without control characters, at most 120 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  return base
    .replace(/[\u0000-\u001f\u007f"]/g, '') // eslint-disable-line no-control-regex
    .trim()
    .slice(-120)
}

/** Validates every attachment (415 type, 413 size, 422 shape or count), naming each one refused in `errors`. */
export async function acceptAttachments(input: unknown, already: number): Promise<AcceptedAttachment[]> {
  if (input === undefined) return []
  if (!Array.isArray(input))
    throw new ProblemError(422, 'Invalid attachment', 'attachments must be a list.', {
      errors: { attachments: 'must be a list of {filename, contentType, data}' },
    })
  if (already + input.length > LIMITS.attachmentsPerEnquiry)
    throw new ProblemError(
      422,
      'Too many attachments',
      `An enquiry holds at most ${LIMITS.attachmentsPerEnquiry} attachments (it has ${already}).`,
      { errors: { attachments: `at most ${LIMITS.attachmentsPerEnquiry - already} more` } },
    )
  const errors: Record<string, string> = {}
  const kinds = new Set<'type' | 'size' | 'shape'>()
  const out: AcceptedAttachment[] = []
  const check = async (raw: AttachmentInput, key: string): Promise<void> => {
    const fail = (kind: 'type' | 'size' | 'shape', why: string) => {
      kinds.add(kind)
      errors[key] = why
    }
    const filename = typeof raw?.filename === 'string' ? cleanFilename(raw.filename) : ''
    if (!filename) return fail('shape', 'needs a filename')
    const allowed = ALLOWED_EXTENSIONS[/\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '']
    if (!allowed) return fail('type', `${filename}: type not allowed (allowed: ${ALLOWED_LIST})`)
    if (typeof raw.data !== 'string' || !BASE64.test(raw.data))
      return fail('shape', `${filename}: data must be Base64`)
    const size = Math.floor((raw.data.length * 3) / 4) - (raw.data.match(/=+$/)?.[0].length ?? 0)
    if (size > LIMITS.attachmentBytes)
      return fail('size', `${filename} is ${MB(size)}; the limit is ${MB(LIMITS.attachmentBytes)}`)
    if (size === 0) return fail('shape', `${filename} is empty`)
    const bytes = new Uint8Array(Buffer.from(raw.data, 'base64'))
    const kind = await sniff(bytes)
    const fits = kind === allowed.kind || (allowed.kind === 'text' && kind === 'json')
    if (!fits)
      return fail(
        'type',
        `${filename}: the content is ${kind ?? 'binary data'}, not ${allowed.kind} (${ALLOWED_LIST})`,
      )
    const declared =
      typeof raw.contentType === 'string' ? raw.contentType.split(';')[0]!.trim().toLowerCase() : ''
    if (declared && declared !== allowed.type.split(';')[0])
      return fail(
        'type',
        `${filename}: declared ${declared}, but the content is ${allowed.type.split(';')[0]}`,
      )
    out.push(
      maskText({ filename, contentType: allowed.type, bytes, masked: false, sha256: '' }, allowed.kind),
    )
  }
  for (const [i, raw] of input.entries()) await check(raw as AttachmentInput, `attachments[${i}]`)
  if (kinds.has('type'))
    throw new ProblemError(
      415,
      'Attachment type not allowed',
      `Allowed: ${ALLOWED_LIST}, checked by content.`,
      {
        errors,
      },
    )
  if (kinds.has('size'))
    throw new ProblemError(
      413,
      'Attachment too large',
      `Each attachment may be ${MB(LIMITS.attachmentBytes)}.`,
      {
        errors,
      },
    )
  if (kinds.size > 0)
    throw new ProblemError(422, 'Invalid attachment', 'Fix the listed attachments.', { errors })
  return out
}

/** Text files: real-looking HKID numbers masked before storage. The hash is of what is stored. */
function maskText(a: AcceptedAttachment, kind: Kind): AcceptedAttachment {
  if (kind === 'text' || kind === 'json') {
    const text = new TextDecoder().decode(a.bytes)
    const masked = maskHkidsInText(text)
    if (masked !== text) a = { ...a, bytes: new TextEncoder().encode(masked), masked: true }
  }
  return { ...a, sha256: createHash('sha256').update(a.bytes).digest('hex') }
}
