/** D20006: why a signature does not match, found by re-computing it over the usual mistakes (never by revealing it). */
import {
  base64ToBytes,
  bytesToHex,
  hmacSha256Base64,
  SIGNATURE_METHOD,
  stringToSign,
} from '@iamsmart-sandbox/openapi/codec'
import { type DiagnosisContext, diagnosis } from './diagnosis.kit'
import type { Diagnosis } from './inspector.types'
import { type Variant, variants } from './signature-variants'

const FIX_SIGN_EXACT =
  'Serialise the body once, sign that exact string, and send that same string: const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body }).'

const bytes = (s: string) => new TextEncoder().encode(s).length

export async function diagnoseSignature(ctx: DiagnosisContext): Promise<Diagnosis[]> {
  const { record, app } = ctx
  const ev = record.evidence
  if (!app || !ev) return []
  if (record.detail?.startsWith('strict mode')) {
    return [
      diagnosis(
        'signature-not-url-encoded',
        'error',
        'Strict mode: the signature header is raw Base64, not URL-encoded',
        'The MAC itself is right, but this app is in strict mode, which accepts only the URL-encoded form.',
        'URL-encode the Base64 signature: encodeURIComponent(base64), so + / = become %2B %2F %3D (or switch the app to lenient mode).',
      ),
    ]
  }
  const encoding = headerEncoding(
    ev.receivedBase64 ?? '',
    ev.expectedBase64 ?? '',
    record.headers.signature ?? '',
  )
  if (encoding) return [encoding]

  const h = record.headers
  const parts = {
    clientID: h.clientID ?? '',
    signatureMethod: h.signatureMethod ?? SIGNATURE_METHOD,
    timestamp: h.timestamp ?? '',
    nonce: h.nonce ?? '',
    body: ev.rawBody,
  }
  const received = ev.receivedBase64 ?? ''
  const macOf = (message: string) => hmacSha256Base64(app.clientSecret, message)
  for (const v of await variants(ctx, ev.rawBody)) {
    const message = v.message ?? stringToSign({ ...parts, body: v.body ?? ev.rawBody })
    if ((await macOf(message)) === received) return [explain(v, ev.rawBody)]
  }
  const out: Diagnosis[] = []
  const truncated = truncation(ev.rawBody, ev.contentLength)
  if (truncated) out.push(truncated)
  out.push(
    diagnosis(
      'signature-mismatch',
      'error',
      'The signature was computed with a different client secret, or over different bytes than those received',
      `The server received a body of ${bytes(ev.rawBody)} bytes and signed a string of ${record.stringToSign?.length ?? 0} characters (its SHA-256 is shown with the string to sign). None of the usual slips (re-serialised JSON, URL-encoded body, trailing newline, plaintext signed before encryption, separators, hex or Base64url) reproduces your signature.`,
      `Check that you use the client secret of this app (clientID ${app.clientID}; it is shown once at creation and after rotation) and compare the SHA-256 of your string to sign with the one shown here. ${FIX_SIGN_EXACT}`,
    ),
  )
  return out
}

/** The MAC is right but written in the wrong form. */
function headerEncoding(received: string, expected: string, header: string): Diagnosis | undefined {
  if (!expected) return undefined
  const hex = bytesToHex(base64ToBytes(expected))
  const fix = 'Send encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign))).'
  if (received.toLowerCase() === hex)
    return diagnosis(
      'signature-hex',
      'error',
      'The signature is hex-encoded, not Base64',
      `The header holds the right MAC as ${received.length} hex digits.`,
      fix,
    )
  const std = received.replace(/-/g, '+').replace(/_/g, '/')
  if (std !== received && std.replace(/=+$/, '') === expected.replace(/=+$/, ''))
    return diagnosis(
      'signature-base64url',
      'error',
      'The signature is Base64url (- and _), not standard Base64',
      'The header holds the right MAC in the URL-safe alphabet.',
      fix,
    )
  if (received.replace(/ /g, '+') === expected)
    return diagnosis(
      'signature-plus-as-space',
      'error',
      'The + signs of the signature arrived as spaces',
      'The header was form-decoded somewhere: + became a space, so it was not URL-encoded as %2B.',
      fix,
    )
  let twice = received
  try {
    twice = decodeURIComponent(received)
  } catch {}
  if (twice === expected && header.includes('%25'))
    return diagnosis(
      'signature-double-encoded',
      'error',
      'The signature header is URL-encoded twice',
      'After one URL-decoding the header still holds %2B/%2F/%3D escapes; after two it is the right MAC.',
      'URL-encode the Base64 signature exactly once.',
    )
  return undefined
}

function explain(v: Variant, raw: string): Diagnosis {
  const [kind, how] = v.how.split(/:(.*)/s) as [string, string | undefined]
  const signed = v.body !== undefined ? bytes(v.body) : undefined
  const got = bytes(raw)
  if (kind === 'json')
    return diagnosis(
      'signature-body-reserialised',
      'error',
      'The body signed is the same JSON as the body received, but different bytes (re-serialised)',
      `Your signature matches the body written as ${how} JSON (${signed} bytes); the server received ${got} bytes: the JSON was serialised again after signing.`,
      FIX_SIGN_EXACT,
    )
  if (kind === 'url')
    return diagnosis(
      'signature-body-url-encoding',
      'error',
      `The body was URL-${how === 'encoded' ? 'encoded' : 'decoded'} between signing and sending`,
      `Your signature matches the body ${how === 'encoded' ? 'URL-encoded' : 'URL-decoded'} (${signed} bytes); the server received ${got} bytes as they were sent.`,
      `Sign the body exactly as it goes on the wire; a JSON body is not URL-encoded. ${FIX_SIGN_EXACT}`,
    )
  if (kind === 'length')
    return diagnosis(
      'signature-body-length',
      'error',
      `The body signed has a different length than the body received (${signed} vs ${got} bytes)`,
      `Your signature matches the body with ${how}: ${signed} bytes signed, ${got} bytes received.`,
      FIX_SIGN_EXACT,
    )
  if (kind === 'empty')
    return diagnosis(
      'signature-empty-body',
      'error',
      'The empty string was signed instead of the JSON body',
      `Your signature matches clientID + signatureMethod + timestamp + nonce with an empty body; the server received ${got} bytes of JSON and signs them. Some clients sign "" for every call because getKey may be sent with no body.`,
      `Sign the body you send: only a call posted with no body at all signs "". ${FIX_SIGN_EXACT}`,
    )
  if (kind === 'content-only')
    return diagnosis(
      'signature-content-only',
      'error',
      'Only the content value was signed, not the whole body',
      `Your signature matches the Base64 content string alone (${signed} bytes); the signature covers the whole raw body {"content":"…"} (${got} bytes).`,
      FIX_SIGN_EXACT,
    )
  if (kind === 'plaintext')
    return diagnosis(
      'signature-plaintext-signed',
      'error',
      'The plaintext request was signed, not the encrypted body sent',
      `Your signature matches the request before encryption (${signed} bytes); the server received and signed the encrypted body (${got} bytes).`,
      `Encrypt first, then sign the body you send ({"content":"<Base64>"}). ${FIX_SIGN_EXACT}`,
    )
  return diagnosis(
    'signature-string-format',
    'error',
    `The string to sign is assembled differently: ${how}`,
    `Your signature matches the parts joined ${how}. The string to sign is the plain concatenation clientID + signatureMethod + timestamp + nonce + body, with no separators.`,
    FIX_SIGN_EXACT,
  )
}

/** The body received is shorter than announced or not complete JSON: bytes lost on the way (character vs byte counts). */
function truncation(raw: string, contentLength: string | undefined): Diagnosis | undefined {
  const got = bytes(raw)
  let complete = true
  try {
    if (raw !== '') JSON.parse(raw)
  } catch {
    complete = false
  }
  const announced = contentLength !== undefined ? Number(contentLength) : undefined
  if (complete && (announced === undefined || announced === got)) return undefined
  const nonAscii = got !== raw.length
  return diagnosis(
    'signature-body-length',
    'error',
    `The body received (${got} bytes) is not the body you sent: ${complete ? `Content-Length says ${announced}` : 'it is not complete JSON'}`,
    `The body signed and the body received differ in length.${nonAscii ? ` It holds non-ASCII characters: ${raw.length} characters are ${got} UTF-8 bytes.` : ''}`,
    'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.',
  )
}
