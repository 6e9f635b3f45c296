/** The signing identification code: the known-answer vector and the anonymous variant's fixed byte choices. */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { vectors } from '../../test/vectors'
import { computeAnonymousSignCode, computeSignCode } from './index'

function reference(input: Buffer): string {
  const d4 = createHash('md5').update(createHash('sha512').update(input).digest()).digest()
  return [0, 4, 8, 12].map((i) => (d4[i]! >> 4) % 10).join('')
}

describe('signCode (reference §9)', () => {
  it.each(vectors.signCode.cases)('vector → $signCode', async ({ hashCode, openID, signCode }) => {
    expect(await computeSignCode({ hashCode, openID })).toBe(signCode)
  })

  it('hashes the hashCode and openID strings exactly as given (matches an independent implementation)', async () => {
    const c = vectors.signCode.cases[0]!
    for (const [hashCode, openID] of [
      [c.hashCode.toUpperCase(), c.openID],
      [c.hashCode, `${c.openID.slice(0, -1)}5`],
      ['4kyLjzMywPQ2mrPIRgSTI0WxKITVrhNOjgwBt5kokMw=', 'ß中文'],
    ] as const) {
      const input = Buffer.concat([
        createHash('sha256').update(hashCode, 'utf8').digest(),
        createHash('sha256').update(openID, 'utf8').digest(),
      ])
      expect(await computeSignCode({ hashCode, openID })).toBe(reference(input))
    }
  })

  it('anonymous: SHA-512(SHA-256(digest) ‖ Base64-decoded HKICHash ‖ clientID), same reduction', async () => {
    const digest = vectors.signCode.cases[0]!.hashCode
    const hkic = vectors.hkicHash[0]!.HKICHash
    const clientID = vectors.requestSignature.clientID
    const input = Buffer.concat([
      createHash('sha256').update(digest, 'utf8').digest(),
      Buffer.from(hkic, 'base64'),
      Buffer.from(clientID, 'utf8'),
    ])
    const code = await computeAnonymousSignCode({ digest, hkicHash: hkic, clientID })
    expect(code).toBe(reference(input))
    expect(code).toMatch(/^\d{4}$/)
  })

  it('anonymous: an HKICHash that is not 32-byte Base64 contributes its UTF-8 text', async () => {
    const input = Buffer.concat([
      createHash('sha256').update('d').digest(),
      Buffer.from('not-a-hash'),
      Buffer.from('c'),
    ])
    expect(await computeAnonymousSignCode({ digest: 'd', hkicHash: 'not-a-hash', clientID: 'c' })).toBe(
      reference(input),
    )
  })
})
