/** The synthetic resident: profile and e-ME in the exact nested shapes of reference §7, plus sandbox behaviour. */

export type Region = 'HK' | 'KLN' | 'NT'
export type YesNo = 'Y' | 'N'

/** `idNo`: identification without the check digit, e.g. `{ Identification: 'QA123456', CheckDigit: '5' }`. */
export interface IdNo {
  Identification: string
  CheckDigit: string
}
export interface EnName {
  UnstructuredName: string
}
export interface ChName {
  ChineseName: string
}
export interface PhoneNumber {
  CountryCode: string
  NationalDestinationCode?: string
  SubscriberNumber: string
}

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
export interface StructuredLot {
  DdType?: string
  DdNo?: string
  LotType?: string
  LotNo?: string
  LotSection1?: string
  LotSection2?: string
  LotSection3?: string
  LotSection4?: string
  LotSubsection1?: string
  LotSubsection2?: string
  LotSubsection3?: string
  LotSubsection4?: string
  LotExtendPortionCode?: string
}

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
export const EME_FIELDS = [
  'prefix',
  'maritalStatus',
  'homeTelNumber',
  'officeTelNumber',
  'mobileNumber',
  'emailAddress',
  'residentialAddress',
  'postalAddress',
  'educationLevel',
  'passportNumber',
  'passportExpiry',
  'employmentStatus',
  'carOwner',
  'propertyOwner',
] as const satisfies readonly (keyof EmeData)[]
export type EmeField = (typeof EME_FIELDS)[number]

/** Profile fields from the HKID registration (reference §7.1). */
export interface Profile {
  idNo: IdNo
  enName: EnName
  chName?: ChName
  chNameVerified: YesNo
  /** `YYYYMMDD` */
  birthDate: string
  gender: 'M' | 'F'
}

export type Tier = 'iAM Smart' | 'iAM Smart+'
export type Decision = 'approve' | 'reject' | 'cancel' | 'timeout' | 'fail'

/** What the virtual app does when this resident is asked to authorise something. */
export interface Behaviour {
  decision: Decision
  /** How long the resident takes before deciding. */
  delayMs: number
  /** false → pushes cannot reach the app, so mobile flows fall back to the QR page (`authByQR: true`). */
  appReachable: boolean
  /** Signing is refused with D70005 as if the HKICHash named someone else. */
  hkidMismatch?: boolean
  /** Logins and anonymous hand-overs fail with D40035 (user ID card error); other requests are unaffected. */
  idCardError?: boolean
}

export interface Resident {
  /** Stable: `r-0001`… for generated residents, `magic-<slug>` for magic ones. */
  id: string
  tier: Tier
  profile: Profile
  eme: Partial<EmeData>
  behaviour: Behaviour
  magic?: { slug: string; outcome: string }
  tags: string[]
}

export const DEFAULT_BEHAVIOUR: Readonly<Behaviour> = Object.freeze({
  decision: 'approve',
  delayMs: 0,
  appReachable: true,
})
