/** Hong Kong place names for synthetic addresses: the 18 districts by region, with real streets, estates and post offices. */
import type { Region } from './resident.types'

export type Pair = readonly [english: string, chinese: string]

export interface DistrictData {
  region: Region
  name: Pair
  subDistricts: readonly Pair[]
  streets: readonly Pair[]
  /** Housing estates; `phased` ones have phases (`Phase 2` / `第二期`). */
  estates: readonly { name: Pair; phased?: boolean }[]
}

const d = (
  region: Region,
  name: Pair,
  subDistricts: Pair[],
  streets: Pair[],
  estates: { name: Pair; phased?: boolean }[],
): DistrictData => ({ region, name, subDistricts, streets, estates })

// prettier-ignore
export const DISTRICTS: readonly DistrictData[] = [
  // Hong Kong Island
  d('HK', ['Central and Western', '中西區'], [['Sheung Wan', '上環'], ['Kennedy Town', '堅尼地城']],
    [["Queen's Road Central", '皇后大道中'], ['Des Voeux Road West', '德輔道西']], [{ name: ['Kwun Lung Lau', '觀龍樓'] }]),
  d('HK', ['Wan Chai', '灣仔區'], [['Causeway Bay', '銅鑼灣'], ['Happy Valley', '跑馬地']],
    [['Hennessy Road', '軒尼詩道'], ['Johnston Road', '莊士敦道']], []),
  d('HK', ['Eastern', '東區'], [['North Point', '北角'], ['Chai Wan', '柴灣']],
    [["King's Road", '英皇道'], ['Shau Kei Wan Road', '筲箕灣道']],
    [{ name: ['Siu Sai Wan Estate', '小西灣邨'] }, { name: ['Heng Fa Chuen', '杏花邨'] }]),
  d('HK', ['Southern', '南區'], [['Aberdeen', '香港仔'], ['Ap Lei Chau', '鴨脷洲']],
    [['Aberdeen Main Road', '香港仔大道'], ['Pok Fu Lam Road', '薄扶林道']],
    [{ name: ['Wah Fu Estate', '華富邨'] }, { name: ['South Horizons', '海怡半島'], phased: true }]),
  // Kowloon
  d('KLN', ['Yau Tsim Mong', '油尖旺區'], [['Mong Kok', '旺角'], ['Tsim Sha Tsui', '尖沙咀']],
    [['Nathan Road', '彌敦道'], ['Shanghai Street', '上海街']], [{ name: ['Hoi Fu Court', '海富苑'] }]),
  d('KLN', ['Sham Shui Po', '深水埗區'], [['Cheung Sha Wan', '長沙灣'], ['Shek Kip Mei', '石硤尾']],
    [['Cheung Sha Wan Road', '長沙灣道'], ['Lai Chi Kok Road', '荔枝角道']], [{ name: ['Pak Tin Estate', '白田邨'] }]),
  d('KLN', ['Kowloon City', '九龍城區'], [['Hung Hom', '紅磡'], ['To Kwa Wan', '土瓜灣']],
    [['Waterloo Road', '窩打老道'], ['Ma Tau Wai Road', '馬頭圍道']],
    [{ name: ['Oi Man Estate', '愛民邨'] }, { name: ['Whampoa Garden', '黃埔花園'] }]),
  d('KLN', ['Wong Tai Sin', '黃大仙區'], [['Diamond Hill', '鑽石山'], ['Tsz Wan Shan', '慈雲山']],
    [['Lung Cheung Road', '龍翔道'], ['Ching Tak Street', '正德街']],
    [{ name: ['Lok Fu Estate', '樂富邨'] }, { name: ['Choi Hung Estate', '彩虹邨'] }]),
  d('KLN', ['Kwun Tong', '觀塘區'], [['Lam Tin', '藍田'], ['Ngau Tau Kok', '牛頭角']],
    [['Kwun Tong Road', '觀塘道'], ['Hip Wo Street', '協和街']],
    [{ name: ['Lam Tin Estate', '藍田邨'] }, { name: ['Amoy Gardens', '淘大花園'], phased: true }]),
  // New Territories
  d('NT', ['Kwai Tsing', '葵青區'], [['Kwai Chung', '葵涌'], ['Tsing Yi', '青衣']],
    [['Kwai Chung Road', '葵涌道'], ['Tsing Yi Road', '青衣路']],
    [{ name: ['Cheung Ching Estate', '長青邨'] }, { name: ['Kwai Fong Estate', '葵芳邨'] }]),
  d('NT', ['Tsuen Wan', '荃灣區'], [['Lei Muk Shue', '梨木樹'], ['Ma Wan', '馬灣']],
    [['Castle Peak Road', '青山公路'], ['Sha Tsui Road', '沙咀道']],
    [{ name: ['Luk Yeung Sun Chuen', '綠楊新邨'] }, { name: ['Allway Gardens', '荃威花園'] }]),
  d('NT', ['Tuen Mun', '屯門區'], [['Tai Hing', '大興'], ['So Kwun Wat', '掃管笏']],
    [['Tuen Mun Heung Sze Wui Road', '屯門鄉事會路'], ['Castle Peak Road', '青山公路']],
    [{ name: ['Tai Hing Estate', '大興邨'] }, { name: ['Butterfly Estate', '蝴蝶邨'] }]),
  d('NT', ['Yuen Long', '元朗區'], [['Tin Shui Wai', '天水圍'], ['Kam Tin', '錦田']],
    [['Kau Yuk Road', '教育路'], ['Castle Peak Road', '青山公路']], [{ name: ['Tin Yiu Estate', '天耀邨'] }]),
  d('NT', ['North', '北區'], [['Sheung Shui', '上水'], ['Fanling', '粉嶺']],
    [['San Wan Road', '新運路'], ['Jockey Club Road', '馬會道']],
    [{ name: ['Wah Ming Estate', '華明邨'] }, { name: ['Choi Yuen Estate', '彩園邨'] }]),
  d('NT', ['Tai Po', '大埔區'], [['Tai Wo', '太和'], ['Lam Tsuen', '林村']],
    [['Kwong Fuk Road', '廣福道'], ['On Fu Road', '安富道']],
    [{ name: ['Fu Heng Estate', '富亨邨'] }, { name: ['Tai Yuen Estate', '大元邨'] }]),
  d('NT', ['Sha Tin', '沙田區'], [['Ma On Shan', '馬鞍山'], ['Fo Tan', '火炭']],
    [['Sha Tin Centre Street', '沙田正街'], ['Sai Sha Road', '西沙路']],
    [{ name: ['Lek Yuen Estate', '瀝源邨'] }, { name: ['City One Shatin', '沙田第一城'] }]),
  d('NT', ['Sai Kung', '西貢區'], [['Tseung Kwan O', '將軍澳'], ['Hang Hau', '坑口']],
    [['Po Lam Road North', '寶琳北路'], ["Hiram's Highway", '西貢公路']],
    [{ name: ['Po Lam Estate', '寶林邨'] }, { name: ['LOHAS Park', '日出康城'], phased: true }]),
  d('NT', ['Islands', '離島區'], [['Tung Chung', '東涌'], ['Cheung Chau', '長洲']],
    [['Tat Tung Road', '達東路'], ['Praya Street', '海傍街']],
    [{ name: ['Yat Tung Estate', '逸東邨'] }, { name: ['Fu Tung Estate', '富東邨'] }]),
]

/** Building names are built from an auspicious name and a suffix: `Wing On Building` / `永安大廈`. */
// prettier-ignore
export const BUILDING_NAMES: readonly Pair[] = [
  ['Wing On', '永安'], ['Tai Ping', '太平'], ['Fook Hing', '福興'], ['Kam Fung', '金鳳'], ['Po Wah', '寶華'],
  ['Lok Sing', '樂成'], ['Hoi Tak', '海德'], ['Man Yee', '文怡'], ['Shing Fat', '成發'], ['Ka Fu', '嘉富'],
]
// prettier-ignore
export const BUILDING_SUFFIXES: readonly Pair[] = [
  ['Building', '大廈'], ['Mansion', '大樓'], ['Court', '閣'], ['Centre', '中心'],
]

export const POST_OFFICES: readonly { region: Region; name: Pair }[] = [
  { region: 'HK', name: ['General Post Office', '郵政總局'] },
  { region: 'HK', name: ['Causeway Bay Post Office', '銅鑼灣郵政局'] },
  { region: 'KLN', name: ['Kowloon Central Post Office', '九龍中央郵政局'] },
  { region: 'KLN', name: ['Tsim Sha Tsui Post Office', '尖沙咀郵政局'] },
  { region: 'NT', name: ['Sha Tin Central Post Office', '沙田中央郵政局'] },
  { region: 'NT', name: ['Tsuen Wan Post Office', '荃灣郵政局'] },
]

/** Overseas cities for free-format addresses: [street, city line, country]. */
export const OVERSEAS: readonly (readonly [string, string, string])[] = [
  ['Maple Avenue', 'Vancouver, BC V5K 0A1', 'Canada'],
  ['Queen Street West', 'Toronto, ON M5H 2M9', 'Canada'],
  ['George Street', 'Sydney NSW 2000', 'Australia'],
  ['Baker Street', 'London NW1 6XE', 'United Kingdom'],
  ['Orchard Road', 'Singapore 238801', 'Singapore'],
  ['Shennan Avenue', 'Shenzhen, Guangdong 518000', 'China'],
]

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const
