// The contract validator as the sandbox and support APIs use it: 422 errors keyed by field path, in the codebase's words.
import { describe, expect, it } from 'vitest'
import { contractProblems, hasRequestSchema } from './contract-validator'

const RECORDS = {
  vehicleLicences: [],
  taxReturnSummary: null,
  publicHousingTenancy: null,
  professionalRegistrations: [],
}

const REGISTRATION = {
  profession: 'nurse',
  registry: 'Nursing Council of Hong Kong',
  registrationNumber: 'QN12345',
  status: 'active',
  registeredSince: '20100901',
}

describe('the contract validator, as the sandbox and support APIs answer (422 `errors` by field path)', () => {
  it('knows the operations with a JSON body, and only those', () => {
    expect(hasRequestSchema('sandbox', 'replaceDepartmentRecords')).toBe(true)
    expect(hasRequestSchema('support', 'createEnquiry')).toBe(true)
    expect(hasRequestSchema('sandbox', 'listResidents')).toBe(false)
  })

  it('names each field by its path: required, unknown, enum, limits, items', () => {
    expect(contractProblems('sandbox', 'replaceDepartmentRecords', RECORDS)).toEqual({})
    const { publicHousingTenancy: _, ...missing } = RECORDS
    expect(
      contractProblems('sandbox', 'replaceDepartmentRecords', {
        ...missing,
        extra: 1,
        vehicleLicences: [{ registrationMark: 'QK1', make: 'M', model: 'X', licenceExpiry: '2026' }],
        professionalRegistrations: Array.from({ length: 11 }, () => REGISTRATION),
      }),
    ).toEqual({
      publicHousingTenancy: 'is required',
      extra: 'is not a field of this request',
      'vehicleLicences[0].licenceExpiry': 'must match ^[0-9]{8}$',
      professionalRegistrations: 'must list at most 10 items',
    })
  })

  it('says every type a oneOf takes, and not the branches that do not apply', () => {
    expect(
      contractProblems('sandbox', 'replaceDepartmentRecords', { ...RECORDS, taxReturnSummary: 1 }),
    ).toEqual({
      taxReturnSummary: 'must be an object or null',
    })
    const tax = { yearOfAssessment: '2024/25', totalIncomeBand: 'lots', salariesTaxPaid: -1 }
    expect(
      contractProblems('sandbox', 'replaceDepartmentRecords', { ...RECORDS, taxReturnSummary: tax }),
    ).toEqual({
      'taxReturnSummary.totalIncomeBand': expect.stringMatching(/^must be one of 0-132000, /),
      'taxReturnSummary.salariesTaxPaid': 'must be a whole number, 0–100000000',
    })
    expect(contractProblems('sandbox', 'replaceDepartmentRecords', [])).toEqual({ body: 'must be an object' })
  })
})
