/** The magic residents (design §6): hand-written, fixed QZ-prefix HKIDs whose identity decides the outcome. */
import { REFERENCE_DATE, yearsBefore } from './birth-date'
import {
  type Behaviour,
  DEFAULT_BEHAVIOUR,
  type EmeData,
  type PhoneNumber,
  type Resident,
  type ResidentialAddress,
  type Tier,
} from './resident.types'

const hk = (SubscriberNumber: string): PhoneNumber => ({ CountryCode: '852', SubscriberNumber })

/** Amoy Gardens, Kwun Tong: the demo resident's home, in English… */
const AMOY_ENG: ResidentialAddress = {
  EngPremisesAddress: {
    Region: 'KLN',
    EngDistrict: { DcDistrict: 'Kwun Tong', 'Sub-district': 'Ngau Tau Kok' },
    EngStreet: { StreetName: 'Ngau Tau Kok Road', BuildingNoFrom: '77' },
    EngEstate: { EstateName: 'Amoy Gardens', EngPhase: { PhaseName: 'Phase 2' } },
    EngBlock: { BlockDescriptor: 'Block', BlockNo: 'E' },
    Eng3dAddress: { EngFloor: { Floor: '12' }, EngUnit: { UnitDescriptor: 'Flat', UnitNo: '05' } },
  },
}
/** …and in Chinese. */
const AMOY_CHI: ResidentialAddress = {
  ChiPremisesAddress: {
    Region: 'KLN',
    ChiDistrict: { DcDistrict: '觀塘區', 'Sub-district': '牛頭角' },
    ChiStreet: { StreetName: '牛頭角道', BuildingNoFrom: '77' },
    ChiEstate: { EstateName: '淘大花園', ChiPhase: { PhaseName: '第二期' } },
    ChiBlock: { BlockDescriptor: '座', BlockNo: 'E' },
    Chi3dAddress: { ChiFloor: { Floor: '12' }, ChiUnit: { UnitDescriptor: '室', UnitNo: '05' } },
  },
}
const SHA_TIN_ENG: ResidentialAddress = {
  EngPremisesAddress: {
    Region: 'NT',
    EngDistrict: { DcDistrict: 'Sha Tin' },
    EngEstate: { EstateName: 'Lek Yuen Estate' },
    EngBlock: { BlockDescriptor: 'Block', BlockNo: '3' },
    Eng3dAddress: { EngFloor: { Floor: '8' }, EngUnit: { UnitDescriptor: 'Flat', UnitNo: '14' } },
  },
}
const WAN_CHAI_CHI: ResidentialAddress = {
  ChiPremisesAddress: {
    Region: 'HK',
    ChiDistrict: { DcDistrict: '灣仔區', 'Sub-district': '銅鑼灣' },
    ChiStreet: { StreetName: '軒尼詩道', BuildingNoFrom: '388' },
    BuildingName: '永安大廈',
    Chi3dAddress: { ChiFloor: { Floor: '5' }, ChiUnit: { UnitDescriptor: '室', UnitNo: 'B' } },
  },
}

/** The demo default: every one of the 14 e-ME fields. */
const COMPLETE_EME: EmeData = {
  prefix: 'Mr',
  maritalStatus: 'M',
  homeTelNumber: hk('23456789'),
  officeTelNumber: hk('31234567'),
  mobileNumber: hk('91234567'),
  emailAddress: 'taiman.chan@example.com',
  residentialAddress: AMOY_ENG,
  postalAddress: AMOY_CHI,
  educationLevel: 'U',
  passportNumber: 'K90000001',
  passportExpiry: '20310630',
  employmentStatus: 'E',
  carOwner: 'N',
  propertyOwner: 'Y',
}

const contact = (local: string, mobile: string, residentialAddress = SHA_TIN_ENG): Partial<EmeData> => ({
  mobileNumber: hk(mobile),
  emailAddress: `${local}@example.hk`,
  residentialAddress,
})

interface MagicSpec {
  slug: string
  identification: string
  checkDigit: string
  tier: Tier
  name: [english: string, chinese?: string]
  birthDate: string
  gender: 'M' | 'F'
  eme: Partial<EmeData>
  behaviour?: Partial<Behaviour>
  outcome: string
  tags?: string[]
}

const magic = (s: MagicSpec): Resident => ({
  id: `magic-${s.slug}`,
  tier: s.tier,
  profile: {
    idNo: { Identification: s.identification, CheckDigit: s.checkDigit },
    enName: { UnstructuredName: s.name[0] },
    ...(s.name[1] ? { chName: { ChineseName: s.name[1] } } : {}),
    chNameVerified: s.name[1] ? 'Y' : 'N',
    birthDate: s.birthDate,
    gender: s.gender,
  },
  eme: structuredClone(s.eme),
  behaviour: { ...DEFAULT_BEHAVIOUR, ...s.behaviour },
  magic: { slug: s.slug, outcome: s.outcome },
  tags: ['magic', ...(s.tags ?? [])],
})

const PLUS: Tier = 'iAM Smart+'
const BASIC: Tier = 'iAM Smart'

/** The magic residents, `magic-approve` first. Minor and elderly ages hold on `referenceDate` (`YYYYMMDD`). */
export function magicResidents(referenceDate: string = REFERENCE_DATE): Resident[] {
  // prettier-ignore
  return [
    magic({ slug: 'approve', identification: 'QZ000001', checkDigit: '1', tier: PLUS, name: ['CHAN, Tai Man', '陳大文'], birthDate: '19850315', gender: 'M', eme: COMPLETE_EME,
      outcome: 'Approves every request at once (D00000) and holds all 14 e-ME fields: the demo default.', tags: ['complete-eme'] }),
    magic({ slug: 'slow', identification: 'QZ000002', checkDigit: 'A', tier: PLUS, name: ['LEE, Ka Yan', '李嘉欣'], birthDate: '19920708', gender: 'F', eme: contact('kayan.lee', '62345678'), behaviour: { delayMs: 5000 },
      outcome: 'Approves every request after 5 seconds, so waiting and polling states can be seen.', tags: ['missing-eme'] }),
    magic({ slug: 'reject', identification: 'QZ000003', checkDigit: '8', tier: PLUS, name: ['WONG, Siu Ming', '黃小明'], birthDate: '19770412', gender: 'M', eme: contact('siuming.wong', '93456789'), behaviour: { decision: 'reject' },
      outcome: 'Rejects every request in the app: D40001 at login, D50001 profile, D60001 e-ME, D70001 signing, D80001 step-up.', tags: ['missing-eme'] }),
    magic({ slug: 'cancel', identification: 'QZ000004', checkDigit: '6', tier: PLUS, name: ['CHEUNG, Mei Ling', '張美玲'], birthDate: '19881123', gender: 'F', eme: contact('meiling.cheung', '54567890'), behaviour: { decision: 'cancel' },
      outcome: 'Cancels every request in the app: D40000 at login, D50001 profile, D60000 e-ME, D70000 signing, D80001 step-up.', tags: ['missing-eme'] }),
    magic({ slug: 'timeout', identification: 'QZ000005', checkDigit: '4', tier: PLUS, name: ['LAU, Chi Keung', '劉志強'], birthDate: '19700930', gender: 'M', eme: contact('chikeung.lau', '65678901'), behaviour: { decision: 'timeout' },
      outcome: 'Never answers, so each request times out after 240 s: D40003 at login, D50003 profile, D60003 e-ME, D70003 signing, D80003 step-up.', tags: ['missing-eme'] }),
    magic({ slug: 'basic-tier', identification: 'QZ000006', checkDigit: '2', tier: BASIC, name: ['HO, Wing Sze', '何詠詩'], birthDate: '19950214', gender: 'F', eme: contact('wingsze.ho', '96789012'),
      outcome: 'An iAM Smart (not iAM Smart+) resident: login, profile and e-ME succeed, signing ends D70004.', tags: ['missing-eme'] }),
    magic({ slug: 'hkid-mismatch', identification: 'QZ000007', checkDigit: '0', tier: PLUS, name: ['NG, Kwok Wah', '吳國華'], birthDate: '19830605', gender: 'M', eme: contact('kwokwah.ng', '57890123'), behaviour: { hkidMismatch: true },
      outcome: 'Signing ends D70005 (inconsistent HKIC No.) whatever HKICHash is sent; everything else is approved.', tags: ['missing-eme'] }),
    magic({ slug: 'empty-eme', identification: 'QZ000008', checkDigit: '9', tier: PLUS, name: ['LAM, Ka Lok', '林家樂'], birthDate: '19990919', gender: 'M', eme: {},
      outcome: 'Approves but has maintained no e-ME field, so every requested e-ME field comes back absent.', tags: ['missing-eme', 'no-eme'] }),
    magic({ slug: 'minor', identification: 'QZ000009', checkDigit: '7', tier: BASIC, name: ['TSANG, Hoi Yan', '曾凱欣'], birthDate: yearsBefore(referenceDate, 15), gender: 'F', eme: { mobileNumber: hk('68901234') },
      outcome: 'A 15-year-old on iAM Smart: login and profile succeed with a birthDate under 18, signing ends D70004.', tags: ['minor', 'missing-eme'] }),
    magic({ slug: 'elderly', identification: 'QZ000010', checkDigit: '0', tier: PLUS, name: ['LEUNG, Kam Tong', '梁錦棠'], birthDate: yearsBefore(referenceDate, 92), gender: 'M',
      eme: { prefix: 'Mr', maritalStatus: 'W', homeTelNumber: hk('26012345'), residentialAddress: WAN_CHAI_CHI, employmentStatus: 'R' },
      outcome: 'A 92-year-old iAM Smart+ resident with a home phone and a Chinese address but no mobile number or email.', tags: ['elderly', 'missing-eme'] }),
    magic({ slug: 'po-box', identification: 'QZ000011', checkDigit: '9', tier: PLUS, name: ['TANG, Wai Man', '鄧慧敏'], birthDate: '19800222', gender: 'F',
      eme: { emailAddress: 'waiman.tang@example.com', mobileNumber: { CountryCode: '1', NationalDestinationCode: '604', SubscriberNumber: '5550123' },
        residentialAddress: { FreeFormatAddress: { AddressLine1: '1200 Maple Avenue', AddressLine2: 'Vancouver, BC V5K 0A1', AddressLine3: 'Canada', LanguageCode: 'en' } },
        postalAddress: { PostBoxAddress: { EngPostBox: { PostOfficeRegion: 'HK', PostOffice: 'General Post Office', PoBoxNo: '12345' } } } },
      outcome: 'Lives overseas: residentialAddress is a FreeFormatAddress in Canada, postalAddress a PostBoxAddress, mobile a +1 number.', tags: ['overseas', 'po-box', 'missing-eme'] }),
    magic({ slug: 'no-chinese-name', identification: 'QZ000012', checkDigit: '7', tier: PLUS, name: ['SINGH, Harpreet'], birthDate: '19870518', gender: 'F', eme: contact('harpreet.singh', '97012345'),
      outcome: "Has no Chinese name: chName is absent and chNameVerified is 'N'.", tags: ['no-chinese-name', 'missing-eme'] }),
    magic({ slug: 'long-name', identification: 'QZ000013', checkDigit: '5', tier: PLUS, gender: 'F', birthDate: '19901010', eme: contact('cheukwing.auyeung', '51234567'),
      name: ['AU YEUNG SZETO, Cheuk Wing Alexandra Victoria Charlotte Elizabeth Josephine', '歐陽司徒卓穎'],
      outcome: 'Has a 75-character English name and a six-character Chinese name, to test field widths and truncation.', tags: ['long-name', 'missing-eme'] }),
    magic({ slug: 'qr-only', identification: 'QZ000014', checkDigit: '3', tier: PLUS, name: ['YEUNG, Tsz Long', '楊子朗'], birthDate: '19960131', gender: 'M', eme: contact('tszlong.yeung', '69123456'), behaviour: { appReachable: false },
      outcome: 'The app cannot be reached: initiateRequest answers authByQR true even on mobile, so the e-Service must send the resident through getQR.', tags: ['missing-eme'] }),
    magic({ slug: 'fail', identification: 'QZ000015', checkDigit: '1', tier: PLUS, name: ['FUNG, Ka Ho', '馮家豪'], birthDate: '19910304', gender: 'M', eme: contact('kaho.fung', '59012345'), behaviour: { decision: 'fail' },
      outcome: 'Every request fails on the platform side: D40002 at login and anonymous hand-overs, D50002 profile, D60002 e-ME, D70002 signing, D80002 step-up.', tags: ['missing-eme'] }),
    magic({ slug: 'id-card-error', identification: 'QZ000016', checkDigit: 'A', tier: PLUS, name: ['KWOK, Mei Kuen', '郭美娟'], birthDate: '19790827', gender: 'F', eme: contact('meikuen.kwok', '60123456'), behaviour: { idCardError: true },
      outcome: 'Login and anonymous hand-overs end D40035 (user ID card error); authenticated requests are unaffected.', tags: ['missing-eme'] }),
  ]
}
