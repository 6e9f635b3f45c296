/** Shared steps of the data-exchange tests: full records, initiate, decide (headless or in the app), getData. */
import { expect } from 'vitest'
import { type Harness, OSP } from '../../../test/harness'
import type { DepartmentRecords } from './department.types'

/** A resident record set where every department holds something (PUT through the sandbox API). */
export const FULL_RECORDS: DepartmentRecords = {
  vehicleLicences: [
    { registrationMark: 'QK4821', make: 'Toyota', model: 'Alphard', licenceExpiry: '20261130' },
    { registrationMark: 'QB77', make: 'BYD', model: 'Seal', licenceExpiry: '20260415' },
  ],
  taxReturnSummary: {
    yearOfAssessment: '2024/25',
    totalIncomeBand: '300001-500000',
    salariesTaxPaid: 13_380,
  },
  publicHousingTenancy: {
    estate: 'Kingfisher Estate',
    block: 'Block 3',
    floor: '12',
    flat: '07',
    tenancyStart: '20150601',
  },
  professionalRegistrations: [
    {
      profession: 'nurse',
      registry: 'Nursing Council of Hong Kong',
      registrationNumber: 'QN12345',
      status: 'active',
      registeredSince: '20100901',
    },
  ],
}

let seq = 0
export const businessID = () => `dx-${process.pid}-${++seq}`

export async function giveFullRecords(h: Harness, resident = 'magic-approve'): Promise<void> {
  const res = await h.admin(`/sandbox/v1/residents/${resident}/department-records`, 'PUT', FULL_RECORDS)
  expect(res.status).toBe(200)
}

/** Logs in (headless) and asks for `dataSets`; returns the token and the envelope. */
export async function initiate(h: Harness, extra: Record<string, unknown> = {}, who = 'magic-approve') {
  const token = await h.token({ resident: who })
  const env = await h.client.call<{ ticketID: string; authByQR: boolean }>(
    '/preview/dataexchange/initiateRequest',
    {
      businessID: businessID(),
      accessToken: token.accessToken,
      openID: token.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 'dx-state',
      dataSets: ['vehicleLicences', 'taxReturnSummary', 'publicHousingTenancy', 'professionalRegistrations'],
      purpose: 'Verify eligibility for a synthetic parking permit',
      validityDays: 30,
      ...extra,
    },
  )
  return { token, env }
}

/** Decides through the sandbox API; returns the decrypted callback. */
export async function decide(h: Harness, ticketID: string, decision = 'approve') {
  const res = await h.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', { decision })
  expect(res.status).toBe(200)
  await h.settle()
  const cb = h.callbacks.at(-1)!
  return { code: cb.body.code, content: h.client.decryptCallback<Record<string, unknown>>(cb.body)! }
}

/** The virtual app as the resident's browser: same-origin form posts with the resident cookie. */
export function appBrowser(h: Harness, resident = 'magic-approve') {
  const origin = 'http://localhost'
  const headers = { Cookie: `vapp_resident=${resident}`, Origin: origin }
  const form = (path: string, body: URLSearchParams, extra: Record<string, string> = {}) =>
    h.request(path, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', ...extra },
      body,
      redirect: 'manual',
    })
  return {
    get: (path: string) => h.request(path, { headers }),
    form,
    /** Ticks `sets` only, then authorises. */
    approve: (ticketID: string, sets: string[]) => {
      const body = new URLSearchParams({ decision: 'approve', fieldsShown: '1' })
      for (const d of sets) body.append('fields', d)
      return form(`/app/requests/${ticketID}/decision`, body)
    },
    revoke: (consentRef: string, extra: Record<string, string> = {}) =>
      form(`/app/consents/${consentRef}/revoke`, new URLSearchParams(), extra),
  }
}

/** getData with a fresh login of the consent's resident (access tokens live 10 minutes, consents days). */
export async function getData(
  h: Harness,
  consentRef: string,
  extra: Record<string, unknown> = {},
  who = 'magic-approve',
) {
  const token = await h.token({ resident: who })
  return h.client.call<{
    consentRef: string
    retrievedAt: number
    validUntil: number
    records: Record<string, unknown>
  }>('/preview/dataexchange/getData', {
    accessToken: token.accessToken,
    openID: token.openID,
    consentRef,
    ...extra,
  })
}

export const getStatus = (h: Harness, request: Record<string, unknown>) =>
  h.client.call<Record<string, unknown>>('/preview/consents/getStatus', request)
