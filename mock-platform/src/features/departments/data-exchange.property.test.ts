// Property (checklist #33): whatever is requested, approved and asked, getData never carries a data set outside the consent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'
import { businessID, FULL_RECORDS, giveFullRecords } from './data-exchange.fixtures'
import { DATA_SETS, type DataSet } from './department.types'

/** A value only that data set's records contain: found anywhere in a response, it leaked. */
const MARKERS: Record<DataSet, string> = {
  vehicleLicences: 'QK4821',
  taxReturnSummary: '300001-500000',
  publicHousingTenancy: 'Kingfisher Estate',
  professionalRegistrations: 'QN12345',
}

const subset = (min: number) => fc.subarray([...DATA_SETS], { minLength: min })

describe('getData releases only consented data sets', () => {
  it('property: response records ⊆ approved ⊆ requested; asking outside the consent → D20012 with no content', async () => {
    const h = await harness({ config: { rateLimitPerMinute: 1_000_000 } })
    await giveFullRecords(h)
    const token = await h.token()
    const s = h.platform.services
    await fc.assert(
      fc.asyncProperty(
        subset(1).chain((requested) => fc.tuple(fc.constant(requested), fc.subarray(requested), subset(0))),
        async ([requested, approved, asked]) => {
          const init = await h.client.call<{ ticketID: string }>('/preview/dataexchange/initiateRequest', {
            businessID: businessID(),
            accessToken: token.accessToken,
            openID: token.openID,
            source: 'PC_Browser',
            redirectURI: OSP.callbackURI,
            state: 'prop',
            dataSets: requested,
            purpose: 'Property test',
            validityDays: 1,
          })
          expect(init.code).toBe('D00000')
          s.tickets.get(init.content!.ticketID)!.agreedFields = approved
          const ticket = await s.tickets.decide(init.content!.ticketID, 'approve')
          if (approved.length === 0) {
            expect(ticket.result!.code).toBe('D40001')
            return
          }
          const consentRef = ticket.result!.content!.consentRef as string
          expect(ticket.result!.content!.approvedDataSets).toEqual(approved)
          const got = await h.client.call<Record<string, unknown>>('/preview/dataexchange/getData', {
            accessToken: token.accessToken,
            openID: token.openID,
            consentRef,
            ...(asked.length > 0 ? { dataSets: asked } : {}),
          })
          const wire = JSON.stringify(got)
          for (const set of DATA_SETS) if (!approved.includes(set)) expect(wire).not.toContain(MARKERS[set])
          if (asked.some((d) => !approved.includes(d))) {
            expect(got.code).toBe('D20012')
            expect(got.content).toBeNull()
            return
          }
          expect(got.code).toBe('D00000')
          expect(Object.keys(got.content!).sort()).toEqual([
            'consentRef',
            'records',
            'retrievedAt',
            'validUntil',
          ])
          const expected = asked.length > 0 ? asked : approved
          expect(got.content!.records).toEqual(Object.fromEntries(expected.map((d) => [d, FULL_RECORDS[d]])))
        },
      ),
      { numRuns: 60 },
    )
  }, 60_000)
})
