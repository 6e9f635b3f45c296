/** Hong Kong names: Cantonese-romanised English names (`CHAN, Tai Man`) with matching Chinese names (陳大文). */
import type { Faker } from '@faker-js/faker'

type Pair = readonly [english: string, chinese: string]

// prettier-ignore
const SURNAMES: readonly Pair[] = [
  ['CHAN', '陳'], ['WONG', '黃'], ['LEE', '李'], ['CHEUNG', '張'], ['LAU', '劉'], ['LAM', '林'],
  ['HO', '何'], ['NG', '吳'], ['LEUNG', '梁'], ['TSANG', '曾'], ['CHOW', '周'], ['YEUNG', '楊'],
  ['TANG', '鄧'], ['LAI', '黎'], ['CHIU', '趙'], ['KWOK', '郭'], ['MAK', '麥'], ['LO', '盧'],
  ['FUNG', '馮'], ['TSE', '謝'], ['YIP', '葉'], ['SO', '蘇'], ['CHU', '朱'], ['POON', '潘'],
  ['MA', '馬'], ['TAM', '譚'], ['HUI', '許'], ['LUK', '陸'], ['KWAN', '關'], ['AU', '區'],
  ['SZETO', '司徒'], ['AU YEUNG', '歐陽'],
]
// prettier-ignore
const GIVEN_MALE: readonly Pair[] = [
  ['Tai', '大'], ['Man', '文'], ['Chi', '志'], ['Keung', '強'], ['Wai', '偉'], ['Kin', '健'],
  ['Chun', '俊'], ['Kit', '傑'], ['Ho', '浩'], ['Kwok', '國'], ['Tak', '德'], ['Fai', '輝'],
  ['Long', '朗'], ['Lik', '力'], ['Hoi', '海'], ['Tim', '添'], ['Yu', '宇'], ['Sing', '成'],
]
// prettier-ignore
const GIVEN_FEMALE: readonly Pair[] = [
  ['Mei', '美'], ['Ling', '玲'], ['Shan', '珊'], ['Sze', '詩'], ['Wai', '慧'], ['Ting', '婷'],
  ['Lai', '麗'], ['Fun', '芬'], ['Man', '敏'], ['Nga', '雅'], ['Yin', '燕'], ['Sau', '秀'],
  ['Ying', '英'], ['Ha', '霞'], ['Ching', '晴'], ['Yee', '兒'], ['Kei', '琪'], ['Oi', '愛'],
]
// prettier-ignore
const GIVEN_ANY: readonly Pair[] = [
  ['Ka', '家'], ['Siu', '小'], ['Ming', '明'], ['Wing', '詠'], ['Tsz', '子'], ['Wah', '華'],
  ['Po', '寶'], ['Lok', '樂'], ['Tin', '天'], ['Yan', '恩'], ['Cheuk', '卓'], ['Hei', '希'],
]

export interface ResidentName {
  /** As printed on the identity card: `SURNAME, Given Names [English name]`. */
  english: string
  /** Absent for residents who registered no Chinese name. */
  chinese?: string
}

/** Characters that read naturally only as the first of two given-name characters (大文, 小明, 家欣, 子朗). */
const FIRST_ONLY = new Set(['大', '小', '家', '子'])
/** The commonest surnames first: weights fall from 6 to 1 down the list. */
const surnameWeight = (index: number) => Math.max(1, 6 - Math.floor(index / 6))

/** A Cantonese name: surname + two given-name characters, sometimes followed by an English given name. */
export function cantoneseName(faker: Faker, gender: 'M' | 'F'): ResidentName {
  const [enSurname, zhSurname] = faker.helpers.weightedArrayElement(
    SURNAMES.map((value, i) => ({ value, weight: surnameWeight(i) })),
  )
  const pool = [...(gender === 'M' ? GIVEN_MALE : GIVEN_FEMALE), ...GIVEN_ANY]
  const first = faker.helpers.arrayElement(pool)
  const second = faker.helpers.arrayElement(pool.filter((p) => p !== first && !FIRST_ONLY.has(p[1])))
  let given = `${first[0]} ${second[0]}`
  if (faker.datatype.boolean(0.3))
    given += ` ${faker.helpers.arrayElement(gender === 'M' ? ENGLISH_MALE : ENGLISH_FEMALE)}`
  return { english: `${enSurname}, ${given}`, chinese: `${zhSurname}${first[1]}${second[1]}` }
}

// prettier-ignore
const ENGLISH_MALE = [
  'Peter', 'David', 'Michael', 'Raymond', 'Kenneth', 'Eric', 'Alan', 'Jason', 'Kelvin', 'Vincent', 'Edmond', 'Ivan',
]
// prettier-ignore
const ENGLISH_FEMALE = [
  'Mary', 'Carmen', 'Winnie', 'Joyce', 'Karen', 'Cindy', 'Vivian', 'Queenie', 'Fiona', 'Gloria', 'Cherry', 'Janice',
]

/** A resident with no Chinese name (e.g. a non-ethnic-Chinese permanent resident). */
export function westernName(faker: Faker, gender: 'M' | 'F'): ResidentName {
  const sex = gender === 'M' ? 'male' : 'female'
  const surname = faker.helpers.arrayElement(WESTERN_SURNAMES)
  return { english: `${surname}, ${faker.person.firstName(sex)}` }
}

// prettier-ignore
const WESTERN_SURNAMES = [
  'SMITH', 'BROWN', 'TAYLOR', 'MORGAN', 'SINGH', 'KHAN', 'SHARMA', 'SANTOS', 'REYES', 'GURUNG', 'RAI', 'MÜLLER',
  'DUPONT', 'ROSSI', 'O\'BRIEN', 'NGUYEN', 'KAPOOR', 'FERNANDES',
] as const

/** An email local part from an English name: `CHAN, Tai Man` → `taiman.chan`. ASCII only. */
export function emailLocalPart(english: string): string {
  const [surname = '', given = ''] = english.split(',')
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()
  const firstTwo = given.trim().split(/\s+/).slice(0, 2).join('')
  return [ascii(firstTwo), ascii(surname)].filter(Boolean).join('.')
}
