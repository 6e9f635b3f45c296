/** Callback decryption: key A/B selection, CEK adoption, failure codes, tampering. */
import { generateKeyPairSync } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createFakePlatform, type FakePlatform } from '../../test/fake-platform'
import { vectors } from '../../test/vectors'
import { base64ToBytes, bytesToBase64, encryptJson, randomBytes, wrapCek } from '../codec'
import { createIamSmartClient, type IamSmartClient } from './index'

const clientID = vectors.requestSignature.clientID
const clientSecret = vectors.requestSignature.clientSecret
const keyA = vectors.cekWrap.kekPrivateKeyJwk as JsonWebKey
const publicA = vectors.cekWrap.kekPublicKeySpkiBase64
const pairB = generateKeyPairSync('rsa', { modulusLength: 2048 })
const keyB = pairB.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string
const publicB = pairB.publicKey.export({ type: 'spki', format: 'pem' }) as string
const profile = {
  businessID: 'b-001',
  state: 's-001',
  idNo: { Identification: 'QA123456', CheckDigit: '5' },
  enName: { UnstructuredName: 'CHAN, Tai Man' },
}

let fake: FakePlatform
let client: IamSmartClient

async function callback(cek: Uint8Array, publicKey: string, content: unknown, code = 'D00000') {
  return {
    txID: 'cb-1',
    code,
    message: code === 'D00000' ? 'SUCCESS' : 'Get profile cancelled',
    content: await encryptJson(cek, content),
    secretKey: wrapCek(cek, publicKey),
  }
}

beforeEach(() => {
  fake = createFakePlatform({ clientID, clientSecret, kekPublicKey: publicB, now: () => 0 })
  client = createIamSmartClient({
    baseUrl: 'https://sandbox.test/api/v1',
    clientID,
    clientSecret,
    kekPrivateKeys: [keyA, keyB],
    fetch: fake.fetch,
    now: () => 0,
  })
})

describe('decryptCallback', () => {
  it('decrypts with key B when key A does not match', async () => {
    const result = await client.decryptCallback<'initiateProfileRequest'>(
      await callback(randomBytes(32), publicB, profile),
    )
    expect(result).toEqual({ ok: true, code: 'D00000', txID: 'cb-1', data: profile })
  })

  it('returns the result whatever the layout: nested {content: result} (default) or flat (flat-callbacks)', async () => {
    const nested = await client.decryptCallback(
      await callback(randomBytes(32), publicA, { content: profile }),
    )
    const flat = await client.decryptCallback(await callback(randomBytes(32), publicA, profile))
    expect(nested).toMatchObject({ ok: true, data: profile })
    expect(flat).toMatchObject({ ok: true, data: profile })
    const declined = await client.decryptCallback(
      await callback(
        randomBytes(32),
        publicA,
        { content: { businessID: 'b-001', state: 's-001', type: 'profile' } },
        'D50001',
      ),
    )
    expect(declined).toMatchObject({
      ok: false,
      error: { code: 'D50001', content: { businessID: 'b-001', state: 's-001', type: 'profile' } },
    })
  })

  it('decrypts with key A', async () => {
    const result = await client.decryptCallback(await callback(randomBytes(32), publicA, profile))
    expect(result).toMatchObject({ ok: true, data: profile })
  })

  it('adopts a new CEK from the callback for later calls', async () => {
    const body = await callback(fake.liveKeys()[0] ?? randomBytes(32), publicB, profile)
    expect((await client.decryptCallback(body)).ok).toBe(true)
    // The platform never issued this CEK, so the next call is answered D30002, refreshed and retried once.
    expect((await client.getToken({ code: 'c', grantType: 'authorization_code' })).ok).toBe(true)
    expect(fake.count('/auth/getToken')).toBe(2)
    expect(fake.count('/security/getKey')).toBe(1)
  })

  it('does not adopt the CEK when adoptCallbackCek is false', async () => {
    const strict = createIamSmartClient({
      baseUrl: 'https://sandbox.test/api/v1',
      clientID,
      clientSecret,
      kekPrivateKeys: [keyA, keyB],
      fetch: fake.fetch,
      now: () => 0,
      adoptCallbackCek: false,
    })
    expect((await strict.decryptCallback(await callback(randomBytes(32), publicB, profile))).ok).toBe(true)
    expect((await strict.getToken({ code: 'c', grantType: 'authorization_code' })).ok).toBe(true)
    expect(fake.count('/auth/getToken')).toBe(1)
  })

  it('maps a non-D00000 code to a platform error, keeping decryptable content', async () => {
    const cek = randomBytes(32)
    const cancelled = await callback(cek, publicB, { businessID: 'b-001', state: 's-001' }, 'D50001')
    expect(await client.decryptCallback(cancelled)).toEqual({
      ok: false,
      error: {
        kind: 'platform',
        code: 'D50001',
        message: 'Get profile cancelled',
        txID: 'cb-1',
        content: { businessID: 'b-001', state: 's-001' },
      },
    })
    expect(
      await client.decryptCallback({
        txID: 'cb-2',
        code: 'D50003',
        message: 'timeout',
        content: null,
        secretKey: null,
      }),
    ).toEqual({ ok: false, error: { kind: 'platform', code: 'D50003', message: 'timeout', txID: 'cb-2' } })
  })

  it('a callback for neither key, or with tampered content, is the same protocol D30004', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const foreign = await callback(
      randomBytes(32),
      other.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      profile,
    )
    expect(await client.decryptCallback(foreign)).toMatchObject({
      ok: false,
      error: { kind: 'protocol', code: 'D30004' },
    })

    const body = await callback(randomBytes(32), publicB, profile)
    const raw = base64ToBytes(body.content)
    raw[20] = raw[20]! ^ 0xff
    const tampered = { ...body, content: bytesToBase64(raw) }
    expect(await client.decryptCallback(tampered)).toMatchObject({
      ok: false,
      error: { kind: 'protocol', code: 'D30004', txID: 'cb-1' },
    })
    expect(await client.decryptCallback({ ...body, secretKey: 'AAAA' })).toMatchObject({
      ok: false,
      error: { kind: 'protocol', code: 'D30004' },
    })
  })
})
