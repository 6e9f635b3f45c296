/** Builds a plain-text RFC 5322 message (UTF-8, Base64 body, encoded-word subject); header injection impossible. */

export interface OutgoingMail {
  id: string
  from: string
  to: string[]
  subject: string
  text: string
  date: number
  /** Extra `X-` headers, e.g. the notification kind. */
  headers?: Record<string, string>
}

/** No CR, LF or other control characters in a header value. */
// eslint-disable-next-line no-control-regex
const oneLine = (v: string): string => v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()

/** RFC 2047 encoded-word when the value is not plain ASCII (split so no encoded word exceeds 75 characters). */
export function encodeHeader(value: string): string {
  const v = oneLine(value)
  if (/^[\x20-\x7e]*$/.test(v)) return v
  const words: string[] = []
  let chunk = ''
  for (const ch of v) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk)
      chunk = ''
    }
    chunk += ch
  }
  words.push(chunk)
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ')
}

/** The bare address of `Name <a@b>` or `a@b`. */
export function addressOf(mailbox: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(mailbox)
  return oneLine(m ? m[1]! : mailbox)
}

const wrap = (b64: string): string => b64.replace(/.{1,76}/g, '$&\r\n')

/** The whole message with CRLF line ends, ready for DATA (nodemailer dot-stuffs it). */
export function buildMessage(m: OutgoingMail, domain: string): string {
  const headers = [
    `From: ${encodeHeader(m.from)}`,
    `To: ${m.to.map(oneLine).join(', ')}`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Date: ${new Date(m.date).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${oneLine(m.id)}@${oneLine(domain)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `X-${k.replace(/[^A-Za-z0-9-]/g, '')}: ${oneLine(v)}`),
  ]
  return `${headers.join('\r\n')}\r\n\r\n${wrap(Buffer.from(m.text.replace(/\r?\n/g, '\r\n')).toString('base64'))}`
}
