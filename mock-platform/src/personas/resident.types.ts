/**
 * The synthetic resident: profile and e-ME in the exact nested shapes of reference §7, plus sandbox behaviour. The
 * shapes the contract states are its generated types; the stricter ones below are the sandbox's own data.
 */
import type { components } from '@iamsmart-sandbox/openapi/generated/sandbox'
import { schemaEnums } from '@iamsmart-sandbox/openapi/generated/platform-validators'

type S = components['schemas']

export type Region = S['Region']
export type YesNo = 'Y' | 'N'

/** `idNo`: identification without the check digit, e.g. `{ Identification: 'QA123456', CheckDigit: '5' }`. */
export type IdNo = S['IdNo']
export type EnName = S['EnName']
export type ChName = S['ChName']
export type PhoneNumber = S['Phone']

// Structured premises address (HK address data standard style). English and Chinese mirror each other.
export interface AddressDistrict {
  DcDistrict: string
  'Sub-district'?: string
}
export interface AddressStreet {
  StreetName: string
  BuildingNoFrom?: string
}
export interface AddressPhase {
  PhaseName: string
}
export interface AddressBlock {
  BlockDescriptor: string
  BlockNo: string
}
export interface AddressFloor {
  Floor: string
}
export interface AddressUnit {
  UnitDescriptor: string
  UnitNo: string
}
/** DD lot of a New Territories village house (`EngStructureLot` / `ChiStructuredLot`: the names differ upstream). */
export type StructuredLot = S['StructuredLot']

export interface EngPremises {
  Region: Region
  EngDistrict?: AddressDistrict
  EngStreet?: AddressStreet
  EngEstate?: { EstateName: string; EngPhase?: AddressPhase }
  EngBlock?: AddressBlock
  BuildingName?: string
  Eng3dAddress?: { EngFloor?: AddressFloor; EngUnit?: AddressUnit }
  EngLot?: { EngStructureLot: StructuredLot }
}
export interface ChiPremises {
  Region: Region
  ChiDistrict?: AddressDistrict
  ChiStreet?: AddressStreet
  ChiEstate?: { EstateName: string; ChiPhase?: AddressPhase }
  ChiBlock?: AddressBlock
  BuildingName?: string
  Chi3dAddress?: { ChiFloor?: AddressFloor; ChiUnit?: AddressUnit }
  ChiLot?: { ChiStructuredLot: StructuredLot }
  ChiOutside?: { ChiStructuredOutside: { LineOne?: string; LineTwo?: string; LineThree?: string } }
}
/** Free text, used upstream for addresses outside Hong Kong. `LanguageCode` values are a sandbox assumption. */
export interface FreeFormat {
  AddressLine1: string
  AddressLine2?: string
  AddressLine3?: string
  LanguageCode: string
}
export interface PostBox {
  PostOfficeRegion: Region
  PostOffice: string
  PoBoxNo: string
}

export type EngPremisesAddress = { EngPremisesAddress: EngPremises }
export type ChiPremisesAddress = { ChiPremisesAddress: ChiPremises }
export type FreeFormatAddress = { FreeFormatAddress: FreeFormat }
export type PostBoxAddress = { PostBoxAddress: { EngPostBox: PostBox } | { ChiPostBox: PostBox } }
export type ResidentialAddress = EngPremisesAddress | ChiPremisesAddress | FreeFormatAddress
/** A postal address may also be a post office box. */
export type PostalAddress = ResidentialAddress | PostBoxAddress
export type Address = PostalAddress
export const ADDRESS_VARIANTS = [
  'ChiPremisesAddress',
  'EngPremisesAddress',
  'FreeFormatAddress',
  'PostBoxAddress',
] as const
export type AddressVariant = (typeof ADDRESS_VARIANTS)[number]

// Code lists for these single-character fields are not public ([?] in reference §7.2): sandbox values.
/** S single, M married, D divorced, W widowed. */
export type MaritalStatus = 'S' | 'M' | 'D' | 'W'
/** P primary, S secondary, D post-secondary (sub-degree), U university degree, G postgraduate. */
export type EducationLevel = 'P' | 'S' | 'D' | 'U' | 'G'
/** E employed, S self-employed, U unemployed, R retired, T student, H home-maker. */
export type EmploymentStatus = 'E' | 'S' | 'U' | 'R' | 'T' | 'H'
export type Prefix = 'Mr' | 'Mrs' | 'Ms' | 'Miss' | 'Dr'

/** The 14 user-maintained e-ME fields (reference §7.1). A resident holds only the ones they maintained. */
export interface EmeData {
  prefix: Prefix
  maritalStatus: MaritalStatus
  homeTelNumber: PhoneNumber
  officeTelNumber: PhoneNumber
  mobileNumber: PhoneNumber
  emailAddress: string
  residentialAddress: ResidentialAddress
  postalAddress: PostalAddress
  educationLevel: EducationLevel
  passportNumber: string
  /** `YYYYMMDD` */
  passportExpiry: string
  employmentStatus: EmploymentStatus
  carOwner: YesNo
  propertyOwner: YesNo
}
/** The e-ME fields, as the contract lists them (`EmeField`), each one a field of the resident's e-ME data. */
export const EME_FIELDS = schemaEnums.EmeField satisfies readonly (keyof EmeData)[]
export type EmeField = (typeof EME_FIELDS)[number]

/** Profile fields from the HKID registration (reference §7.1); a sandbox resident's gender is M or F (never U). */
export interface Profile extends Omit<S['ResidentProfile'], 'gender'> {
  gender: 'M' | 'F'
}

export type Tier = S['Tier']
export type Decision = S['Decision']

/**
 * What the virtual app does when this resident is asked to authorise something: `decision` after `delayMs`;
 * `appReachable` false → pushes cannot reach the app (authByQR); `hkidMismatch` → signing refused with D70005;
 * `idCardError` → logins and anonymous hand-overs fail with D40035.
 */
export type Behaviour = S['Behaviour']

/**
 * The contract's Resident without what its view adds (orgId, updatedAt), with the sandbox's stricter data. `id` is
 * stable: `r-0001`… for generated residents, `magic-<slug>` for magic ones.
 */
export interface Resident extends Pick<S['Resident'], 'id' | 'tier' | 'behaviour' | 'tags'> {
  profile: Profile
  eme: Partial<EmeData>
  magic?: { slug: string; outcome: string }
}

export const DEFAULT_BEHAVIOUR: Readonly<Behaviour> = Object.freeze({
  decision: 'approve',
  delayMs: 0,
  appReachable: true,
})
