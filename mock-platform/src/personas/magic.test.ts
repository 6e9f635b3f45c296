/** Magic residents: the fixed table, each behaviour, and the D-codes their outcomes promise. */
import { describe, expect, it } from 'vitest'
import { ageOn } from './birth-date'
import { formatHkid, isSandboxHkid } from './hkid'
import { magicResidents } from './magic'
import { refusalCode } from '../features/tickets/outcomes'
import { EME_FIELDS, type Resident } from './resident.types'

const magic = magicResidents()
const get = (slug: string): Resident => {
  const r = magic.find((m) => m.id === `magic-${slug}`)
  if (!r) throw new Error(`no magic-${slug}`)
  return r
}

describe('magic residents', () => {
  it('is the fixed table of design §6, magic-approve first', () => {
    expect(magic.map((r) => [r.id, formatHkid(r.profile.idNo), r.tier])).toEqual([
      ['magic-approve', 'QZ000001(1)', 'iAM Smart+'],
      ['magic-slow', 'QZ000002(A)', 'iAM Smart+'],
      ['magic-reject', 'QZ000003(8)', 'iAM Smart+'],
      ['magic-cancel', 'QZ000004(6)', 'iAM Smart+'],
      ['magic-timeout', 'QZ000005(4)', 'iAM Smart+'],
      ['magic-basic-tier', 'QZ000006(2)', 'iAM Smart'],
      ['magic-hkid-mismatch', 'QZ000007(0)', 'iAM Smart+'],
      ['magic-empty-eme', 'QZ000008(9)', 'iAM Smart+'],
      ['magic-minor', 'QZ000009(7)', 'iAM Smart'],
      ['magic-elderly', 'QZ000010(0)', 'iAM Smart+'],
      ['magic-po-box', 'QZ000011(9)', 'iAM Smart+'],
      ['magic-no-chinese-name', 'QZ000012(7)', 'iAM Smart+'],
      ['magic-long-name', 'QZ000013(5)', 'iAM Smart+'],
      ['magic-qr-only', 'QZ000014(3)', 'iAM Smart+'],
      ['magic-fail', 'QZ000015(1)', 'iAM Smart+'],
      ['magic-id-card-error', 'QZ000016(A)', 'iAM Smart+'],
    ])
    for (const r of magic) {
      expect(isSandboxHkid(formatHkid(r.profile.idNo)), r.id).toBe(true)
      expect(r.id).toBe(`magic-${r.magic?.slug}`)
      expect(r.magic?.outcome).toMatch(/^[A-Z].*\.$/)
      expect(r.tags[0]).toBe('magic')
    }
  })

  it('makes magic-approve the complete iAM Smart+ demo resident', () => {
    const r = get('approve')
    expect(r.profile.enName).toEqual({ UnstructuredName: 'CHAN, Tai Man' })
    expect(r.profile.chName).toEqual({ ChineseName: '陳大文' })
    expect(Object.keys(r.eme)).toEqual([...EME_FIELDS])
    expect(r.behaviour).toEqual({ decision: 'approve', delayMs: 0, appReachable: true })
  })

  it('gives each magic resident its behaviour', () => {
    expect(get('slow').behaviour).toEqual({ decision: 'approve', delayMs: 5000, appReachable: true })
    expect(get('reject').behaviour.decision).toBe('reject')
    expect(get('cancel').behaviour.decision).toBe('cancel')
    expect(get('timeout').behaviour.decision).toBe('timeout')
    expect(get('hkid-mismatch').behaviour.hkidMismatch).toBe(true)
    expect(get('qr-only').behaviour.appReachable).toBe(false)
    expect(get('fail').behaviour.decision).toBe('fail')
    expect(get('id-card-error').behaviour.idCardError).toBe(true)
    const plain = magic.filter(
      (r) =>
        ![
          'slow',
          'reject',
          'cancel',
          'timeout',
          'hkid-mismatch',
          'qr-only',
          'fail',
          'id-card-error',
        ].includes(r.magic!.slug),
    )
    for (const r of plain)
      expect(r.behaviour, r.id).toEqual({ decision: 'approve', delayMs: 0, appReachable: true })
  })

  it('gives each magic resident the data its name promises', () => {
    expect(get('empty-eme').eme).toEqual({})
    expect(ageOn(get('minor').profile.birthDate)).toBe(15)
    expect(ageOn(get('elderly').profile.birthDate)).toBe(92)
    const po = get('po-box').eme
    expect(Object.keys(po.residentialAddress!)).toEqual(['FreeFormatAddress'])
    expect(po.postalAddress).toEqual({
      PostBoxAddress: {
        EngPostBox: { PostOfficeRegion: 'HK', PostOffice: 'General Post Office', PoBoxNo: '12345' },
      },
    })
    const noChinese = get('no-chinese-name').profile
    expect(noChinese.chName).toBeUndefined()
    expect(noChinese.chNameVerified).toBe('N')
    const long = get('long-name').profile
    expect(long.enName.UnstructuredName).toHaveLength(75)
    expect(long.chName?.ChineseName).toHaveLength(6)
  })

  it('keeps minor and elderly ages on another reference date', () => {
    const later = magicResidents('20300615')
    expect(ageOn(later.find((r) => r.id === 'magic-minor')!.profile.birthDate, '20300615')).toBe(15)
    expect(ageOn(later.find((r) => r.id === 'magic-elderly')!.profile.birthDate, '20300615')).toBe(92)
  })

  it('returns fresh copies', () => {
    const a = magicResidents()
    a[0]!.eme.emailAddress = 'changed@example.com'
    a[0]!.behaviour.decision = 'reject'
    expect(magicResidents()[0]!.eme.emailAddress).toBe('taiman.chan@example.com')
    expect(magicResidents()[0]!.behaviour.decision).toBe('approve')
  })
})

describe('outcome codes', () => {
  it.each(['reject', 'cancel', 'timeout'] as const)(
    'magic-%s documents every code it produces',
    (decision) => {
      const outcome = get(decision).magic!.outcome
      for (const kind of ['login', 'profile', 'eme', 'signing', 'stepup'] as const)
        expect(outcome).toContain(refusalCode(kind, decision))
    },
  )

  it('documents the signing refusals', () => {
    expect(get('basic-tier').magic!.outcome).toContain('D70004')
    expect(get('minor').magic!.outcome).toContain('D70004')
    expect(get('hkid-mismatch').magic!.outcome).toContain('D70005')
  })
})
