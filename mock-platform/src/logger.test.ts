// Logging hygiene (security checklist G #47, design §9): a full journey leaves no secret in any log line; redact() unit tests.
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../test/harness'
import { ReferenceClient } from '../test/reference-client'
import { createLogger, redact } from './logger'

/** The journey's secrets as they could appear in text: raw, URL-encoded, hex and Base64 forms. */
function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), decodeURIComponent(secret)]
}

describe('a full journey with a capturing logger', () => {
  it('no client secret, code, token, CEK, signature, wrapped key, admin token or HKID number appears in any line', async () => {
    const lines: string[] = []
    const h = await harness({ deps: { logger: createLogger('debug', (l) => lines.push(l)) } })
    const signatures: string[] = []
    const client = new ReferenceClient({
      ...h.client.o,
      fetch: (url, init) => {
        signatures.push((init.headers as Record<string, string>).signature!)
        return h.request(url, init)
      },
    })

    // getKey → login → getToken → profile request (callback refused five times → a warning) → profiles.
    const key = await client.getKey()
    expect(key.code).toBe('D00000')
    const p = await h.login({ state: 'journey-state' })
    const code = p.get('code')!
    const tokenEnv = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    expect(tokenEnv.code).toBe('D00000')
    const { accessToken, openID } = tokenEnv.content!
    // Security events along the way: a reused code, a bad signature, a replayed nonce.
    expect((await client.call('/auth/getToken', { code, grantType: 'authorization_code' })).code).toBe(
      'D40004',
    )
    const fresh = await h.token()
    const bad = await h.request('/api/v1/security/getKey', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        clientID: h.clientID,
        signatureMethod: 'HmacSHA256',
        timestamp: String(h.clock.now()),
        nonce: 'n-bad',
        signature: 'AAAA',
      },
      body: '{}',
    })
    expect(((await bad.json()) as { code: string }).code).toBe('D20006')

    h.callbackStatus.push(500, 500, 500, 500, 500)
    const init = await client.call<{ ticketID: string }>('/account/auth/profile/initiateRequest', {
      businessID: 'biz-log-1',
      accessToken: fresh.accessToken,
      openID: fresh.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 'cb-state',
      profileFields: ['idNo', 'enName', 'birthDate'],
    })
    expect(init.code).toBe('D00000')
    const decided = await h.admin(`/sandbox/v1/tickets/${init.content!.ticketID}/decision`, 'POST', {
      decision: 'approve',
    })
    expect(decided.status).toBe(200)
    await h.settle()
    expect(h.callbacks).toHaveLength(5)
    const profiles = await client.call<Record<string, unknown>>('/profiles', {
      accessToken: fresh.accessToken,
      openID: fresh.openID,
      profileFields: ['idNo', 'enName'],
    })
    expect(profiles.code).toBe('D00000')

    const resident = (await h.platform.services.residents.get('magic-approve'))!
    const { Identification, CheckDigit } = resident.profile.idNo
    const secrets: Record<string, string[]> = {
      clientSecret: forms(h.clientSecret),
      code: forms(code),
      accessToken: [accessToken, fresh.accessToken],
      cek: [client.cek!.toString('base64'), client.cek!.toString('hex')],
      secretKey: [key.content!.secretKey, ...h.callbacks.map((c) => c.body.secretKey)],
      signature: signatures.flatMap(forms),
      adminToken: [h.adminToken],
      hkid: [`${Identification}(${CheckDigit})`, `${Identification}${CheckDigit}`, Identification],
    }
    for (const [name, values] of Object.entries(secrets)) {
      for (const v of values) expect(v.length, `${name} is a real value`).toBeGreaterThanOrEqual(8)
    }

    // The journey logged something (the undelivered callback at least), and every line is one JSON object.
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.some((l) => (JSON.parse(l) as { msg: string }).msg === 'callback not delivered')).toBe(true)
    for (const line of lines) {
      expect(line).not.toContain('\n')
      const entry = JSON.parse(line) as { time: string; level: string; msg: string }
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level)
      expect(typeof entry.msg).toBe('string')
      for (const [name, values] of Object.entries(secrets)) {
        for (const v of values) expect(line.includes(v), `${name} leaked in ${line}`).toBe(false)
      }
    }
    // The same secrets, logged under their natural names by careless code, come out redacted.
    const careless: string[] = []
    const log = createLogger('debug', (l) => careless.push(l))
    log.info(`login of ${Identification}(${CheckDigit}) done`, {
      headers: { clientID: h.clientID, signature: signatures[0], 'x-sandbox-admin-token': h.adminToken },
      request: { code, grantType: 'authorization_code', client_secret: h.clientSecret },
      response: { accessToken, openID, tokenType: 'Bearer' },
      getKey: key.content,
      cek: client.cek!.toString('base64'),
      profile: resident.profile,
      note: `resident ${Identification} called`,
      config: { adminToken: h.adminToken, port: 8080 },
    })
    expect(careless).toHaveLength(1)
    for (const [name, values] of Object.entries(secrets)) {
      for (const v of values) expect(careless[0]!.includes(v), `${name} leaked in ${careless[0]}`).toBe(false)
    }
    // …while what a reader needs stays.
    expect(careless[0]).toContain(h.clientID)
    expect(careless[0]).toContain(openID)
    expect(careless[0]).toContain('"tokenType":"Bearer"')
  })
})

describe('redact()', () => {
  it('replaces the value of every secret-bearing key, whatever its case, nested in objects and arrays', () => {
    const input = {
      txID: 'a'.repeat(32),
      Signature: 'sig',
      clientSecret: 's1',
      CLIENTSECRET: 's2',
      secretKey: 'wrapped',
      code: 'c0de',
      accessToken: 'tok',
      token: 'tok2',
      cek: 'k',
      content: 'ciphertext',
      password: 'pw',
      idNo: { Identification: 'QA123456', CheckDigit: '7' },
      hkid: 'QA123456(7)',
      authorization: 'Bearer x',
      cookie: 'a=b',
      'set-cookie': 'a=b',
      'X-Sandbox-Admin-Token': 'admin',
      nested: [{ accessToken: 'deep' }, { list: [{ signature: 'deeper' }] }],
      status: 200,
      ok: true,
      nothing: null,
    }
    expect(redact(input)).toEqual({
      txID: 'a'.repeat(32),
      Signature: '[REDACTED]',
      clientSecret: '[REDACTED]',
      CLIENTSECRET: '[REDACTED]',
      secretKey: '[REDACTED]',
      code: '[REDACTED]',
      accessToken: '[REDACTED]',
      token: '[REDACTED]',
      cek: '[REDACTED]',
      content: '[REDACTED]',
      password: '[REDACTED]',
      idNo: '[REDACTED]',
      hkid: '[REDACTED]',
      authorization: '[REDACTED]',
      cookie: '[REDACTED]',
      'set-cookie': '[REDACTED]',
      'X-Sandbox-Admin-Token': '[REDACTED]',
      nested: [{ accessToken: '[REDACTED]' }, { list: [{ signature: '[REDACTED]' }] }],
      status: 200,
      ok: true,
      nothing: null,
    })
  })

  it('catches the spellings other code uses: snake case, kebab case and *Token / *Secret / *PrivateKey names', () => {
    const out = redact({
      client_secret: 'a',
      access_token: 'b',
      refresh_token: 'c',
      adminToken: 'd',
      qrToken: 'e',
      kekPrivateKey: 'f',
      'x-api-secret': 'g',
      auth_code: 'h',
      tokenType: 'Bearer',
      expiresIn: 600_000,
      pubKey: 'public',
    }) as Record<string, unknown>
    for (const k of [
      'client_secret',
      'access_token',
      'refresh_token',
      'adminToken',
      'qrToken',
      'kekPrivateKey',
      'x-api-secret',
      'auth_code',
    ]) {
      expect(out[k], k).toBe('[REDACTED]')
    }
    expect(out.tokenType).toBe('Bearer')
    expect(out.expiresIn).toBe(600_000)
    expect(out.pubKey).toBe('public')
  })

  it('masks HKID numbers in free text, with or without the check digit and brackets', () => {
    expect(redact('resident QA123456(7) logged in')).toBe('resident [HKID] logged in')
    expect(redact('QA1234567')).toBe('[HKID]')
    expect(redact('A123456(3) and QZ654321(A)')).toBe('[HKID] and [HKID]')
    expect(redact('bare QA123456 number')).toBe('bare [HKID] number')
    expect(redact({ note: ['see QB765432(1)'] })).toEqual({ note: ['see [HKID]'] })
    // D-codes, lower-case hex IDs and short numbers are left alone.
    expect(redact('D20006 for 0a1b2c3d4e5f60718293a4b5c6d7e8f9, port 8080')).toBe(
      'D20006 for 0a1b2c3d4e5f60718293a4b5c6d7e8f9, port 8080',
    )
  })

  it('never prints raw bytes (a CEK held in a Uint8Array or Buffer)', () => {
    const key = new Uint8Array([1, 2, 3, 250])
    expect(redact({ slot: { key, issueAt: 1 } })).toEqual({ slot: { key: '[BINARY]', issueAt: 1 } })
    expect(redact(Buffer.from('secret bytes'))).toBe('[BINARY]')
  })

  it('caps depth, leaves primitives alone and does not mutate its input', () => {
    let deep: Record<string, unknown> = { leaf: 'x' }
    for (let i = 0; i < 10; i++) deep = { d: deep }
    expect(JSON.stringify(redact(deep))).toContain('"[…]"')
    expect(redact(42)).toBe(42)
    expect(redact(undefined)).toBeUndefined()
    const input = { code: 'c', inner: { accessToken: 't' } }
    redact(input)
    expect(input).toEqual({ code: 'c', inner: { accessToken: 't' } })
  })
})

describe('createLogger()', () => {
  it('writes one JSON line per call, filtered by level; silent writes nothing', () => {
    const lines: string[] = []
    const log = createLogger('warn', (l) => lines.push(l))
    log.debug('d')
    log.info('i')
    log.warn('w', { a: 1 })
    log.error('e')
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error'])
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'w', a: 1 })
    const none: string[] = []
    const silent = createLogger('silent', (l) => none.push(l))
    silent.error('e')
    expect(none).toEqual([])
  })

  it('resists log injection: newlines stay escaped and fields cannot overwrite time, level or msg', () => {
    const lines: string[] = []
    const log = createLogger('debug', (l) => lines.push(l))
    log.info('first\n{"level":"error","msg":"forged"}', {
      level: 'error',
      msg: 'forged',
      time: '1970-01-01T00:00:00.000Z',
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toContain('\n')
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>
    expect(entry.level).toBe('info')
    expect(entry.msg).toBe('first\n{"level":"error","msg":"forged"}')
    expect(entry.time).not.toBe('1970-01-01T00:00:00.000Z')
  })

  it('masks HKID numbers in the message itself', () => {
    const lines: string[] = []
    createLogger('info', (l) => lines.push(l)).info('no resident QA123456(7)')
    expect(JSON.parse(lines[0]!).msg).toBe('no resident [HKID]')
  })
})
