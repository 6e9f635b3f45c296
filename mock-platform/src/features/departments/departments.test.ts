// Department records: seeded generation (same seed → same records), validation, and the sandbox API that edits them.
import { bundle, loadConfig } from '@redocly/openapi-core'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type Json, violations } from '../../../test/contract'
import { harness } from '../../../test/harness'
import { defaultResidents, generateResidents } from '../../personas'
import { FULL_RECORDS } from './data-exchange.fixtures'
import { DATA_SETS } from './department.types'
import { bandOf, generateRecords, salariesTax } from './generate-records'
import { recordsProblems } from './records.validate'

describe('generated department records', () => {
  const residents = defaultResidents()

  it('same seed and resident → deep-equal records; another seed → other records', () => {
    const again = defaultResidents()
    const a = residents.map((r) => generateRecords(20260101, r))
    expect(again.map((r) => generateRecords(20260101, r))).toEqual(a)
    // Generating residents in between (the shared faker instance) changes nothing.
    generateResidents({ seed: 7, count: 5 })
    expect(residents.map((r) => generateRecords(20260101, r))).toEqual(a)
    expect(residents.map((r) => generateRecords(42, r))).not.toEqual(a)
  })

  it('every generated record passes the sandbox API validation; identifiers are visibly synthetic (Q…)', () => {
    for (const r of residents) {
      const records = generateRecords(20260101, r)
      expect(recordsProblems(records), r.id).toEqual({})
      for (const v of records.vehicleLicences) expect(v.registrationMark).toMatch(/^Q[A-HJ-NP-Z]\d{1,4}$/)
      for (const p of records.professionalRegistrations)
        expect(p.registrationNumber).toMatch(/^Q[EANS]\d{5}$/)
    }
  })

  it('only some residents hold each data set, and minors hold none', () => {
    const all = residents.map((r) => generateRecords(20260101, r))
    const share = (f: (x: (typeof all)[number]) => boolean) => all.filter(f).length / all.length
    expect(share((x) => x.vehicleLicences.length > 0)).toBeGreaterThan(0.1)
    expect(share((x) => x.taxReturnSummary !== null)).toBeGreaterThan(0.4)
    expect(share((x) => x.publicHousingTenancy !== null)).toBeGreaterThan(0.1)
    expect(share((x) => x.publicHousingTenancy !== null)).toBeLessThan(0.5)
    expect(share((x) => x.professionalRegistrations.length > 0)).toBeGreaterThan(0.03)
    expect(share((x) => x.professionalRegistrations.length > 0)).toBeLessThan(0.4)
    const minor = generateRecords(
      20260101,
      residents.find((r) => r.id === 'magic-minor')!,
    )
    expect(minor).toEqual({
      vehicleLicences: [],
      taxReturnSummary: null,
      publicHousingTenancy: null,
      professionalRegistrations: [],
    })
  })

  it('salaries tax follows the progressive scale and the income band matches', () => {
    expect(salariesTax(150_000)).toBe(0)
    expect(salariesTax(400_000)).toBe(23_000)
    expect(bandOf(132_000)).toBe('0-132000')
    expect(bandOf(400_000)).toBe('300001-500000')
    expect(bandOf(5_000_000)).toBe('1200001-and-above')
  })
})

describe('sandbox API: /sandbox/v1/residents/{id}/department-records', () => {
  it('GET the generated records; PUT replaces them; DELETE goes back to the generated ones', async () => {
    const h = await harness()
    const path = '/sandbox/v1/residents/r-0001/department-records'
    const seeded = await h.admin(path, 'GET')
    expect(seeded.status).toBe(200)
    expect(seeded.headers.get('X-Sandbox-Records')).toBe('generated')
    const generated = await seeded.json()
    expect(Object.keys(generated)).toEqual([...DATA_SETS])
    const put = await h.admin(path, 'PUT', FULL_RECORDS)
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual(FULL_RECORDS)
    const edited = await h.admin(path, 'GET')
    expect(edited.headers.get('X-Sandbox-Records')).toBe('edited')
    expect(await edited.json()).toEqual(FULL_RECORDS)
    const reset = await h.admin(path, 'DELETE')
    expect(reset.headers.get('X-Sandbox-Records')).toBe('generated')
    expect(await reset.json()).toEqual(generated)
  })

  it('422 problem+json names every bad field; nothing is stored', async () => {
    const h = await harness()
    const path = '/sandbox/v1/residents/magic-approve/department-records'
    const res = await h.admin(path, 'PUT', {
      ...FULL_RECORDS,
      vehicleLicences: [
        { registrationMark: 'hello', make: 'Toyota', model: 'Alphard', licenceExpiry: '20260230' },
      ],
      taxReturnSummary: { yearOfAssessment: '2024/26', totalIncomeBand: 'lots', salariesTaxPaid: -1 },
      publicHousingTenancy: undefined,
      professionalRegistrations: [{ ...FULL_RECORDS.professionalRegistrations[0], colour: 'blue' }],
      medicalRecords: [],
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = await res.json()
    expect(Object.keys(body.errors).sort()).toEqual([
      'medicalRecords',
      'professionalRegistrations[0].colour',
      'publicHousingTenancy',
      'taxReturnSummary.salariesTaxPaid',
      'taxReturnSummary.totalIncomeBand',
      'taxReturnSummary.yearOfAssessment',
      'vehicleLicences[0].licenceExpiry',
      'vehicleLicences[0].registrationMark',
    ])
    expect((await h.admin(path, 'GET')).headers.get('X-Sandbox-Records')).toBe('generated')
  })

  it('needs a principal (401), and an unknown resident is 404', async () => {
    const h = await harness()
    expect((await h.request('/sandbox/v1/residents/r-0001/department-records')).status).toBe(401)
    expect((await h.admin('/sandbox/v1/residents/nobody/department-records', 'GET')).status).toBe(404)
  })

  it('answers as openapi/sandbox documents (status, media type, body schema)', async () => {
    const root = (p: string) => fileURLToPath(new URL(`../../../../openapi/${p}`, import.meta.url))
    const config = await loadConfig({ configPath: root('redocly.yaml') })
    const spec = (await bundle({ ref: root('sandbox/openapi.yaml'), config, dereference: true })).bundle
      .parsed as Json
    const item = spec.paths['/residents/{id}/department-records'] as Json
    const h = await harness()
    const path = '/sandbox/v1/residents/magic-approve/department-records'
    for (const [method, body, status] of [
      ['GET', undefined, 200],
      ['PUT', FULL_RECORDS, 200],
      ['PUT', { ...FULL_RECORDS, taxReturnSummary: 1 }, 422],
      ['DELETE', undefined, 200],
    ] as const) {
      const res = await h.admin(path, method, body)
      expect(res.status).toBe(status)
      const [type, media] = Object.entries(
        item[method.toLowerCase()].responses[String(status)].content,
      )[0] as [string, Json]
      expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type.replace('+', '\\+')}`))
      expect(violations(media.schema, await res.json()), `${method} ${status}`).toEqual([])
    }
  })
})
