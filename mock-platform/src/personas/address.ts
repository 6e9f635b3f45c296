/** Synthetic addresses in the four variants of reference §7.2, each from one consistent Hong Kong place. */
import type { Faker } from '@faker-js/faker'
import {
  BUILDING_NAMES,
  BUILDING_SUFFIXES,
  CHINESE_NUMERALS,
  DISTRICTS,
  type DistrictData,
  OVERSEAS,
  type Pair,
  POST_OFFICES,
} from './address-data'
import type {
  AddressDistrict,
  ChiPremises,
  EngPremises,
  FreeFormatAddress,
  PostBoxAddress,
  Region,
  ResidentialAddress,
  StructuredLot,
} from './resident.types'

/** `LanguageCode` of free-format addresses (values not public: sandbox assumption, BCP 47). */
export const LANGUAGE_CODES = { english: 'en', chinese: 'zh-Hant' } as const
export const REGION_NAMES: Record<Region, Pair> = {
  HK: ['Hong Kong', '香港'],
  KLN: ['Kowloon', '九龍'],
  NT: ['New Territories', '新界'],
}

/** One place, rendered in English or Chinese later so both renderings agree. */
interface Place {
  district: DistrictData
  sub?: Pair
  street?: { name: Pair; number: string }
  estate?: { name: Pair; phase?: number }
  block?: string
  building?: Pair
  lot?: { ddNo: string; lotNo: string }
  floor: string
  unit?: string
}

function place(faker: Faker): Place {
  const district = faker.helpers.arrayElement(DISTRICTS)
  const sub = faker.datatype.boolean(0.7) ? faker.helpers.arrayElement(district.subDistricts) : undefined
  if (district.region === 'NT' && faker.datatype.boolean(0.1)) {
    const lot = {
      ddNo: String(faker.number.int({ min: 1, max: 390 })),
      lotNo: String(faker.number.int({ min: 1, max: 4000 })),
    }
    return { district, sub, lot, floor: faker.helpers.arrayElement(['G', '1', '2']) }
  }
  const unit = faker.datatype.boolean(0.5)
    ? String(faker.number.int({ min: 1, max: 24 })).padStart(2, '0')
    : faker.helpers.arrayElement(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])
  if (district.estates.length > 0 && faker.datatype.boolean(0.55)) {
    const e = faker.helpers.arrayElement(district.estates)
    const phase = e.phased ? faker.number.int({ min: 1, max: 4 }) : undefined
    const block = String(faker.number.int({ min: 1, max: 12 }))
    return { district, sub, estate: { name: e.name, phase }, block, floor: floorNo(faker, 40), unit }
  }
  const street = {
    name: faker.helpers.arrayElement(district.streets),
    number: String(faker.number.int({ min: 1, max: 388 })),
  }
  const [n, s] = [faker.helpers.arrayElement(BUILDING_NAMES), faker.helpers.arrayElement(BUILDING_SUFFIXES)]
  const building: Pair = [`${n[0]} ${s[0]}`, `${n[1]}${s[1]}`]
  return { district, sub, street, building, floor: floorNo(faker, 28), unit }
}

const floorNo = (faker: Faker, top: number) => String(faker.number.int({ min: 1, max: top }))

const district = (p: Place, lang: 0 | 1): AddressDistrict =>
  p.sub
    ? { DcDistrict: p.district.name[lang], 'Sub-district': p.sub[lang] }
    : { DcDistrict: p.district.name[lang] }

const lot = (p: NonNullable<Place['lot']>, lang: 0 | 1): StructuredLot =>
  lang === 0
    ? { DdType: 'DD', DdNo: p.ddNo, LotType: 'Lot', LotNo: p.lotNo }
    : { DdType: '丈量約份', DdNo: p.ddNo, LotType: '地段', LotNo: p.lotNo }

function engPremises(p: Place): EngPremises {
  const a: EngPremises = { Region: p.district.region, EngDistrict: district(p, 0) }
  if (p.street) a.EngStreet = { StreetName: p.street.name[0], BuildingNoFrom: p.street.number }
  if (p.estate) {
    a.EngEstate = { EstateName: p.estate.name[0] }
    if (p.estate.phase) a.EngEstate.EngPhase = { PhaseName: `Phase ${p.estate.phase}` }
  }
  if (p.block) a.EngBlock = { BlockDescriptor: 'Block', BlockNo: p.block }
  if (p.building) a.BuildingName = p.building[0]
  if (p.lot) a.EngLot = { EngStructureLot: lot(p.lot, 0) }
  a.Eng3dAddress = { EngFloor: { Floor: p.floor } }
  if (p.unit) a.Eng3dAddress.EngUnit = { UnitDescriptor: 'Flat', UnitNo: p.unit }
  return a
}

function chiPremises(p: Place): ChiPremises {
  const a: ChiPremises = { Region: p.district.region, ChiDistrict: district(p, 1) }
  if (p.street) a.ChiStreet = { StreetName: p.street.name[1], BuildingNoFrom: p.street.number }
  if (p.estate) {
    a.ChiEstate = { EstateName: p.estate.name[1] }
    if (p.estate.phase) a.ChiEstate.ChiPhase = { PhaseName: `第${CHINESE_NUMERALS[p.estate.phase - 1]}期` }
  }
  if (p.block) a.ChiBlock = { BlockDescriptor: '座', BlockNo: p.block }
  if (p.building) a.BuildingName = p.building[1]
  if (p.lot) a.ChiLot = { ChiStructuredLot: lot(p.lot, 1) }
  a.Chi3dAddress = { ChiFloor: { Floor: p.floor === 'G' ? '地下' : p.floor } }
  if (p.unit) a.Chi3dAddress.ChiUnit = { UnitDescriptor: '室', UnitNo: p.unit }
  return a
}

/** A Hong Kong address written as free lines, English or Chinese. */
function freeFormatHk(p: Place, lang: 0 | 1): FreeFormatAddress {
  const region = REGION_NAMES[p.district.region][lang]
  const where = p.sub ?? p.district.name
  if (lang === 1) {
    const site = p.estate
      ? `${p.estate.name[1]}${p.block}座`
      : p.street
        ? `${p.street.name[1]}${p.street.number}號${p.building?.[1]}`
        : `丈量約份第${p.lot?.ddNo}約地段${p.lot?.lotNo}號`
    const flat = `${p.floor === 'G' ? '地下' : `${p.floor}樓`}${p.unit ? `${p.unit}室` : ''}`
    return {
      FreeFormatAddress: {
        AddressLine1: `${region}${where[1]}`,
        AddressLine2: `${site}${flat}`,
        LanguageCode: LANGUAGE_CODES.chinese,
      },
    }
  }
  const flat = `${p.unit ? `Flat ${p.unit}, ` : ''}${p.floor}/F`
  const site = p.estate
    ? `Block ${p.block}, ${p.estate.name[0]}`
    : p.street
      ? `${p.building?.[0]}, ${p.street.number} ${p.street.name[0]}`
      : `Lot ${p.lot?.lotNo} in DD ${p.lot?.ddNo}`
  return {
    FreeFormatAddress: {
      AddressLine1: `${flat}, ${site}`,
      AddressLine2: where[0],
      AddressLine3: region,
      LanguageCode: LANGUAGE_CODES.english,
    },
  }
}

export type ResidentialKind = 'eng' | 'chi' | 'free-hk' | 'overseas'

/** A residential address of the given kind; the place is random, the shape is what the kind says. */
export function residentialAddress(faker: Faker, kind: ResidentialKind): ResidentialAddress {
  if (kind === 'overseas') return overseasAddress(faker)
  const p = place(faker)
  if (kind === 'eng') return { EngPremisesAddress: engPremises(p) }
  if (kind === 'chi') return { ChiPremisesAddress: chiPremises(p) }
  return freeFormatHk(p, faker.datatype.boolean(0.7) ? 0 : 1)
}

/** An address outside Hong Kong: free format, English. */
export function overseasAddress(faker: Faker): FreeFormatAddress {
  const [street, city, country] = faker.helpers.arrayElement(OVERSEAS)
  const line1 = `${faker.number.int({ min: 1, max: 999 })} ${street}`
  return {
    FreeFormatAddress: {
      AddressLine1: line1,
      AddressLine2: city,
      AddressLine3: country,
      LanguageCode: LANGUAGE_CODES.english,
    },
  }
}

/** A post office box, English or Chinese. */
export function postBoxAddress(faker: Faker, lang: 'eng' | 'chi'): PostBoxAddress {
  const office = faker.helpers.arrayElement(POST_OFFICES)
  const PoBoxNo = String(faker.number.int({ min: 1, max: 99999 }))
  const box = (PostOffice: string) => ({ PostOfficeRegion: office.region, PostOffice, PoBoxNo })
  return lang === 'eng'
    ? { PostBoxAddress: { EngPostBox: box(office.name[0]) } }
    : { PostBoxAddress: { ChiPostBox: box(office.name[1]) } }
}
