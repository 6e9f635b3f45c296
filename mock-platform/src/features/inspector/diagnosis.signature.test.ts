// Diagnosis of D20006: each signing slip is provoked, and the diagnosis must name it (never revealing the MAC).
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { call, encryptedBody, last, slip, text } from './inspector.fixtures'

const TOKEN_REQUEST = { code: 'c'.repeat(32), grantType: 'authorization_code' }

describe('signature diagnosis', () => {
  it('body re-serialised after signing: same JSON value, different bytes', async () => {
    const h = await harness()
    const body = await encryptedBody(h, TOKEN_REQUEST)
    const pretty = JSON.stringify(JSON.parse(body), null, 2)
    const r = await slip(h, '/auth/getToken', { sent: pretty, signed: body })
    expect(r.code).toBe('D20006')
    const c = await call(h, r.txID)
    expect(c.diagnosis[0]!.id).toBe('signature-body-reserialised')
    expect(c.diagnosis[0]!.title).toBe(
      'The body signed is the same JSON as the body received, but different bytes (re-serialised)',
    )
    expect(c.diagnosis[0]!.detail).toContain(
      `compact JSON (${body.length} bytes); the server received ${pretty.length} bytes`,
    )
    expect(c.diagnosis[0]!.link).toBe('/docs/troubleshooting#signature-body-reserialised')
  })

  it('body URL-encoded when signed', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', { sent: '{}', signed: encodeURIComponent('{}') })
    const c = await call(h, r.txID)
    expect(c.diagnosis[0]!.id).toBe('signature-body-url-encoding')
    expect(c.diagnosis[0]!.title).toBe('The body was URL-encoded between signing and sending')
  })

  it('body of a different length: a trailing newline was signed', async () => {
    const h = await harness()
    const body = await encryptedBody(h, TOKEN_REQUEST)
    const r = await slip(h, '/auth/getToken', { sent: body, signed: `${body}\n` })
    const c = await call(h, r.txID)
    expect(c.diagnosis[0]!.title).toBe(
      `The body signed has a different length than the body received (${body.length + 1} vs ${body.length} bytes)`,
    )
    expect(c.diagnosis[0]!.detail).toContain('trailing newline')
  })

  it('an empty body signed while {} was sent (getKey)', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', { sent: '{}', signed: '' })
    expect(text(await call(h, r.txID))).toContain('(0 vs 2 bytes)')
  })

  it('body cut short on the way (character count used as Content-Length)', async () => {
    const h = await harness()
    const full = JSON.stringify({ content: 'Zm9v', note: '香港' })
    const r = await slip(h, '/auth/getToken', { sent: full.slice(0, 20), signed: full })
    const c = await call(h, r.txID)
    expect(c.diagnosis.map((d) => d.id)).toEqual(['signature-body-length', 'signature-mismatch'])
    expect(c.diagnosis[0]!.title).toBe(
      'The body received (20 bytes) is not the body you sent: it is not complete JSON',
    )
  })

  it('the plaintext request was signed instead of the encrypted body', async () => {
    const h = await harness()
    const body = await encryptedBody(h, TOKEN_REQUEST)
    const r = await slip(h, '/auth/getToken', { sent: body, signed: JSON.stringify(TOKEN_REQUEST) })
    expect((await call(h, r.txID)).diagnosis[0]!.title).toBe(
      'The plaintext request was signed, not the encrypted body sent',
    )
  })

  it('the parts of the string to sign joined with separators', async () => {
    const h = await harness()
    const ts = String(h.clock.now())
    const nonce = 'n0nce'.repeat(4)
    const r = await slip(h, '/security/getKey', {
      sent: '{}',
      timestamp: ts,
      nonce,
      message: [h.clientID, 'HmacSHA256', ts, nonce, '{}'].join('&'),
    })
    expect((await call(h, r.txID)).diagnosis[0]!.title).toBe(
      'The string to sign is assembled differently: separated by "&"',
    )
  })

  it('signed with another client secret (or over other bytes): says so, with lengths and no MAC', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', { sent: '{}', secret: 'not-the-secret-0123456789' })
    const c = await call(h, r.txID)
    expect(c.diagnosis.map((d) => d.id)).toEqual(['signature-mismatch'])
    expect(c.diagnosis[0]!.title).toBe(
      'The signature was computed with a different client secret, or over different bytes than those received',
    )
    expect(c.diagnosis[0]!.detail).toContain('a body of 2 bytes')
    expect(c.diagnosis[0]!.fix).toContain(`clientID ${h.clientID}`)
    const expected = createHmac('sha256', h.clientSecret).update(c.stringToSign!.text).digest('base64')
    expect(JSON.stringify(c)).not.toContain(expected)
    expect(JSON.stringify(c)).not.toContain(encodeURIComponent(expected))
  })

  it('the signature as hex instead of Base64', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', {
      sent: '{}',
      header: (sig) => Buffer.from(decodeURIComponent(sig), 'base64').toString('hex'),
    })
    expect((await call(h, r.txID)).diagnosis[0]!.title).toBe('The signature is hex-encoded, not Base64')
  })

  it('signature header not URL-encoded: a warning in lenient mode, the error in strict mode', async () => {
    const lenient = await harness()
    const ok = await slip(lenient, '/security/getKey', { sent: '{}', header: decodeURIComponent })
    expect(ok.code).toBe('D00000')
    const warned = await call(lenient, ok.txID)
    expect(warned.diagnosis.map((d) => [d.id, d.severity])).toEqual([
      ['signature-not-url-encoded', 'warning'],
    ])
    expect(warned.headers.signature).toMatch(/raw Base64›$/)

    const strict = await harness({ app: { strict: true } })
    const refused = await slip(strict, '/security/getKey', { sent: '{}', header: decodeURIComponent })
    expect(refused.code).toBe('D20006')
    const d = (await last(strict, 'getKey')).diagnosis[0]!
    expect([d.id, d.severity]).toEqual(['signature-not-url-encoded', 'error'])
    expect(d.title).toBe('Strict mode: the signature header is raw Base64, not URL-encoded')
  })
})
