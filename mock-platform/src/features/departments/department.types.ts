/** Synthetic department records (preview, speculative): the data sets a resident can share through data exchange. */

/** The data sets the preview data-exchange API knows, in display order. */
export const DATA_SETS = [
  'vehicleLicences',
  'taxReturnSummary',
  'publicHousingTenancy',
  'professionalRegistrations',
] as const
export type DataSet = (typeof DATA_SETS)[number]

/** The department (or registration boards) holding each data set. */
export const HOLDERS: Record<DataSet, string> = {
  vehicleLicences: 'Transport Department',
  taxReturnSummary: 'Inland Revenue Department',
  publicHousingTenancy: 'Housing Department',
  professionalRegistrations: 'Professional registration boards',
}

/** Transport Department: a licensed vehicle. Marks start with Q, which real Hong Kong marks never use. */
export interface VehicleLicence {
  registrationMark: string
  make: string
  model: string
  /** `YYYYMMDD`. */
  licenceExpiry: string
}

/** Inland Revenue Department bands of total income (HKD) in a tax return. */
export const INCOME_BANDS = [
  '0-132000',
  '132001-200000',
  '200001-300000',
  '300001-500000',
  '500001-800000',
  '800001-1200000',
  '1200001-and-above',
] as const
export type IncomeBand = (typeof INCOME_BANDS)[number]

/** Inland Revenue Department: the latest assessed individual tax return. */
export interface TaxReturnSummary {
  /** e.g. `2024/25`. */
  yearOfAssessment: string
  totalIncomeBand: IncomeBand
  /** Salaries tax paid for that year, whole HKD. */
  salariesTaxPaid: number
}

/** Housing Department: the resident's public rental housing tenancy (fictional estates). */
export interface PublicHousingTenancy {
  estate: string
  block: string
  floor: string
  flat: string
  /** `YYYYMMDD`. */
  tenancyStart: string
}

export const PROFESSIONS = ['engineer', 'accountant', 'nurse', 'socialWorker'] as const
export type Profession = (typeof PROFESSIONS)[number]
export const REGISTRATION_STATUSES = ['active', 'lapsed', 'suspended'] as const

/** A statutory register entry. Numbers start with Q (synthetic, like the QA–QZ HKID prefixes). */
export interface ProfessionalRegistration {
  profession: Profession
  registry: string
  registrationNumber: string
  status: (typeof REGISTRATION_STATUSES)[number]
  /** `YYYYMMDD`. */
  registeredSince: string
}

export const REGISTRIES: Record<Profession, { registry: string; letter: string }> = {
  engineer: { registry: 'Engineers Registration Board', letter: 'E' },
  accountant: { registry: 'Accounting and Financial Reporting Council', letter: 'A' },
  nurse: { registry: 'Nursing Council of Hong Kong', letter: 'N' },
  socialWorker: { registry: 'Social Workers Registration Board', letter: 'S' },
}

/** Everything the departments hold about one resident; `null` / `[]` when they hold nothing. */
export interface DepartmentRecords {
  vehicleLicences: VehicleLicence[]
  taxReturnSummary: TaxReturnSummary | null
  publicHousingTenancy: PublicHousingTenancy | null
  professionalRegistrations: ProfessionalRegistration[]
}

export const isDataSet = (v: unknown): v is DataSet => DATA_SETS.includes(v as DataSet)
