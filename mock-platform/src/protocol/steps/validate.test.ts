// The validate step of the signed pipeline: each contract refusal answered with its documented D-code and a detail naming the field.
import { describe, expect, it } from 'vitest'
import { PlatformError } from '../../errors'
import type { SignedCall } from '../signed-call'
import { validateContent } from './validate'

const SIGNING = {
  businessID: 'OSP-1',
  accessToken: 'a'.repeat(32),
  openID: 'o'.repeat(64),
  source: 'PC_Browser',
  redirectURI: 'https://osp.example/cb',
  state: 's',
  hashCode: 'ab'.repeat(32),
}

/** The D-code and detail the validate step answers for this request of this operation, or D00000. */
function answer(operationId: string, request: unknown): { code: string; detail?: string } {
  try {
    validateContent({ operationId, request, record: {} } as SignedCall, {} as never)
    return { code: 'D00000' }
  } catch (e) {
    if (!(e instanceof PlatformError)) throw e
    return { code: e.code, detail: e.detail }
  }
}

describe('the validate step (the contract’s request schemas)', () => {
  it('passes a request that conforms, and one whose optional fields are null or empty', () => {
    expect(answer('initiateSigningRequest', SIGNING).code).toBe('D00000')
    expect(answer('initiateSigningRequest', { ...SIGNING, HKICHash: null, department: '' }).code).toBe(
      'D00000',
    )
  })

  it('answers D20002 naming a required field that is absent, null or empty', () => {
    const { hashCode: _, ...noHash } = SIGNING
    expect(answer('initiateSigningRequest', noHash)).toEqual({
      code: 'D20002',
      detail: 'hashCode is missing',
    })
    expect(answer('initiateSigningRequest', { ...SIGNING, state: null })).toEqual({
      code: 'D20002',
      detail: 'state is missing',
    })
    expect(answer('initiateSigningRequest', { ...SIGNING, businessID: '' }).code).toBe('D20002')
  })

  it('answers D20007 for an unsupported source (the Source schema says so), D20003 for a wrong type', () => {
    const fax = answer('initiateSigningRequest', { ...SIGNING, source: 'Fax' })
    expect(fax.code).toBe('D20007')
    expect(fax.detail).toMatch(/^source "Fax" is not supported \(must be one of PC_Browser, /)
    expect(answer('initiateSigningRequest', { ...SIGNING, source: 7 })).toEqual({
      code: 'D20003',
      detail: 'source must be a string',
    })
  })

  it('answers D20003 naming the field and what it expects', () => {
    expect(answer('initiateSigningRequest', { ...SIGNING, businessID: 'x'.repeat(37) })).toEqual({
      code: 'D20003',
      detail: 'businessID must be 1–36 characters',
    })
    expect(answer('initiateSigningRequest', { ...SIGNING, hashCode: 'abc' }).detail).toBe(
      'hashCode must match ^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$',
    )
    expect(answer('getToken', { code: 'c', grantType: 'password' })).toEqual({
      code: 'D20003',
      detail: 'grantType must be "authorization_code"',
    })
    const twice = { accessToken: 't', openID: 'o', profileFields: ['idNo', 'idNo'] }
    expect(answer('getProfiles', twice).code).toBe('D20003')
    expect(answer('getProfiles', { ...twice, profileFields: ['idNo', null] })).toMatchObject({
      code: 'D20003',
      detail: 'profileFields/1 must be a string',
    })
  })

  it('answers D20001 to a member in the body of an operation that takes none (getKey)', () => {
    expect(answer('getKey', {}).code).toBe('D00000')
    expect(answer('getKey', { anything: 1 })).toEqual({ code: 'D20001', detail: 'body takes no fields' })
  })
})
