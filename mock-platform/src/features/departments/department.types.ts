/**
 * Synthetic department records (preview, speculative): the data sets a resident can share through data exchange. The
 * records' shapes are the contract's generated types; the lists here are the sandbox's own, checked against them.
 */
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'

type S = components['schemas']

/** The data sets the preview data-exchange API knows, in display order. */
export const DATA_SETS = [
  'vehicleLicences',
  'taxReturnSummary',
  'publicHousingTenancy',
  'professionalRegistrations',
] as const satisfies readonly S['DataExchangeDataSet'][]
export type DataSet = S['DataExchangeDataSet']

/** The department (or registration boards) holding each data set. */
export const HOLDERS: Record<DataSet, string> = {
  vehicleLicences: 'Transport Department',
  taxReturnSummary: 'Inland Revenue Department',
  publicHousingTenancy: 'Housing Department',
  professionalRegistrations: 'Professional registration boards',
}

/** Transport Department: a licensed vehicle. Marks start with Q, which real Hong Kong marks never use. */
export type VehicleLicence = S['DepartmentVehicleLicence']

/** Inland Revenue Department bands of total income (HKD) in a tax return. */
export const INCOME_BANDS = [
  '0-132000',
  '132001-200000',
  '200001-300000',
  '300001-500000',
  '500001-800000',
  '800001-1200000',
  '1200001-and-above',
] as const satisfies readonly S['DepartmentTaxReturnSummary']['totalIncomeBand'][]
export type IncomeBand = S['DepartmentTaxReturnSummary']['totalIncomeBand']

/** Inland Revenue Department: the latest assessed tax return (`yearOfAssessment` e.g. `2024/25`, tax in whole HKD). */
export type TaxReturnSummary = S['DepartmentTaxReturnSummary']

/** Housing Department: the resident's public rental housing tenancy (fictional estates). */
export type PublicHousingTenancy = S['DepartmentPublicHousingTenancy']

export type Profession = S['DepartmentProfessionalRegistration']['profession']
export const PROFESSIONS = [
  'engineer',
  'accountant',
  'nurse',
  'socialWorker',
] as const satisfies readonly Profession[]
export const REGISTRATION_STATUSES = [
  'active',
  'lapsed',
  'suspended',
] as const satisfies readonly S['DepartmentProfessionalRegistration']['status'][]

/** A statutory register entry. Numbers start with Q (synthetic, like the QA–QZ HKID prefixes). */
export type ProfessionalRegistration = S['DepartmentProfessionalRegistration']

export const REGISTRIES: Record<Profession, { registry: string; letter: string }> = {
  engineer: { registry: 'Engineers Registration Board', letter: 'E' },
  accountant: { registry: 'Accounting and Financial Reporting Council', letter: 'A' },
  nurse: { registry: 'Nursing Council of Hong Kong', letter: 'N' },
  socialWorker: { registry: 'Social Workers Registration Board', letter: 'S' },
}

/** Everything the departments hold about one resident; `null` / `[]` when they hold nothing (every set present). */
export type DepartmentRecords = Required<S['DepartmentRecords']>

export const isDataSet = (v: unknown): v is DataSet => DATA_SETS.includes(v as DataSet)
