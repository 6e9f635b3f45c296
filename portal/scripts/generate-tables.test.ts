// The portal's generated tables cover their sources completely, and the translated pages keep up with the English ones.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configurationTable } from '../../mock-platform/src/config'
import { defaultResidents, formatHkid, magicResidents } from '../../mock-platform/src/personas'
import { dCodes } from '../../openapi/generated/dcodes'
import {
  buttonSourceMdx,
  cell,
  CONFIG_DESCRIPTIONS,
  configurationTableMdx,
  dcodeTableMdx,
  GENERATED_DIR,
  generatedResidentTableMdx,
  generatedTables,
  magicResidentTableMdx,
  REPO_ROOT,
  troubleshootingDcodeTableMdx,
} from './generate-tables'

/** The table rows of a generated partial, one string per row. */
const rows = (mdx: string) =>
  mdx.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))

describe('generated reference tables', () => {
  it('the D-code table has one row per D-code of openapi/generated/dcodes.ts, with its anchor and message', () => {
    const table = rows(dcodeTableMdx()).slice(1)
    const codes = Object.keys(dCodes)
    expect(codes.length).toBeGreaterThan(40)
    expect(table).toHaveLength(codes.length)
    for (const [i, code] of codes.entries()) {
      const row = table[i]!
      expect(row).toContain(`<span id="${code.toLowerCase()}">\`${code}\`</span>`)
      expect(row).toContain(cell(dCodes[code as keyof typeof dCodes].message))
    }
    expect(table.find((r) => r.includes('`D40000`'))).toContain('[getQr](/docs/api/get-qr)')
    expect(table.find((r) => r.includes('`D20006`'))).toContain('every signed call')
    // How to provoke each code headlessly, and where it appears.
    expect(table.find((r) => r.includes('`D40035`'))).toContain('`X-Sandbox-Resident: magic-id-card-error`')
    expect(table.find((r) => r.includes('`D50002`'))).toMatch(/`fail`.* \(callback\) \|$/)
    for (const row of table) expect(row).toMatch(/ \((envelope|redirect|callback)\) \|$/)
  })

  it('the troubleshooting table has a `code-<d-code>` anchor row for every D-code but D00000', () => {
    const table = rows(troubleshootingDcodeTableMdx()).slice(1)
    const codes = Object.keys(dCodes).filter((c) => c !== 'D00000')
    expect(table).toHaveLength(codes.length)
    for (const [i, code] of codes.entries())
      expect(table[i]).toContain(`<span id="code-${code.toLowerCase()}">\`${code}\`</span>`)
  })

  it('the magic resident table has every magic resident with HKID, tier, names and outcome', () => {
    const table = rows(magicResidentTableMdx()).slice(1)
    const magic = magicResidents()
    expect(magic.length).toBeGreaterThanOrEqual(14)
    expect(table).toHaveLength(magic.length)
    for (const [i, r] of magic.entries()) {
      const row = table[i]!
      expect(row).toContain(`\`${r.id}\``)
      expect(row).toContain(`\`${formatHkid(r.profile.idNo)}\``)
      expect(row).toContain(r.tier)
      expect(row).toContain(cell(r.profile.enName.UnstructuredName))
      expect(row).toContain(r.profile.chName?.ChineseName ?? '—')
      expect(row).toContain(cell(r.magic!.outcome))
    }
  })

  it('the generated resident table has every resident the sandbox seeds by default', () => {
    const table = rows(generatedResidentTableMdx()).slice(1)
    const generated = defaultResidents().filter((r) => !r.magic)
    expect(table).toHaveLength(generated.length)
    for (const [i, r] of generated.entries())
      expect(table[i]).toContain(`\`${r.id}\` | \`${formatHkid(r.profile.idNo)}\``)
  })

  it('the configuration table has every variable of configurationTable(), each described', () => {
    const table = rows(configurationTableMdx()).slice(1)
    const config = configurationTable()
    expect(table).toHaveLength(config.length)
    for (const [i, c] of config.entries()) {
      expect(table[i]).toContain(`\`${c.variable}\``)
      expect(CONFIG_DESCRIPTIONS[c.variable], `describe ${c.variable} in CONFIG_DESCRIPTIONS`).toBeTruthy()
    }
    expect(table.find((r) => r.includes('`TICKET_TTL_MS`'))).toContain('`240000`')
  })

  it('the button page shows exactly the component it renders', () => {
    const source = readFileSync(join(REPO_ROOT, 'portal/src/components/IamSmartButton.tsx'), 'utf8')
    expect(buttonSourceMdx()).toContain(source.trimEnd())
  })

  it('files written by a build are current (a build regenerates them; nothing stale is served)', () => {
    // The operation-fidelity table reads openapi/dist, which only `npm run gen` or a build writes.
    const tables = existsSync(join(REPO_ROOT, 'openapi/dist/platform.json'))
      ? generatedTables()
      : {
          'dcodes.mdx': dcodeTableMdx(),
          'troubleshooting-dcodes.mdx': troubleshootingDcodeTableMdx(),
          'magic-residents.mdx': magicResidentTableMdx(),
          'generated-residents.mdx': generatedResidentTableMdx(),
          'configuration.mdx': configurationTableMdx(),
          'iam-smart-button-source.mdx': buttonSourceMdx(),
        }
    for (const [name, text] of Object.entries(tables)) {
      const file = join(GENERATED_DIR, name)
      if (existsSync(file)) expect(readFileSync(file, 'utf8'), name).toBe(text)
    }
  })

  it('escapes table cells for MDX: pipes everywhere, JSX characters outside code spans', () => {
    expect(cell('a | b')).toBe('a \\| b')
    expect(cell('body `{}` or {x} <y>')).toBe('body `{}` or &#123;x&#125; &#60;y&#62;')
    expect(cell('line\nbreak')).toBe('line break')
  })
})

const I18N = join(REPO_ROOT, 'portal/i18n')
const LOCALES = ['zh-Hant', 'zh-Hans'] as const
const CJK = /[\u3400-\u9fff]/
const TRANSLATED_DOCS = [
  'getting-started.mdx',
  'guides/login.mdx',
  'guides/profile.mdx',
  'guides/eme-form-filling.mdx',
  'guides/anonymous-form-filling.mdx',
  'guides/step-up.mdx',
  'guides/hash-signing.mdx',
  'guides/pdf-signing.mdx',
  'guides/consent.mdx',
  'ui-guidelines.mdx',
]
// The code itself must match; a block's title (`title="Request"`) is prose and may be translated.
const codeBlocks = (text: string) =>
  (text.match(/```[^\n]*\n[\s\S]*?```/g) ?? []).map((b) => b.replace(/^(```[^\n]*?)\s+title="[^"]*"/, '$1'))

describe.each(LOCALES)('translation %s', (locale) => {
  it('translates the home page, navbar and footer', () => {
    const code = JSON.parse(readFileSync(join(I18N, locale, 'code.json'), 'utf8')) as Record<
      string,
      { message: string }
    >
    const home = Object.entries(code).filter(([k]) => k.startsWith('home.'))
    expect(home.length).toBeGreaterThan(25)
    for (const [key, { message }] of home) expect(message, key).toMatch(CJK)
    for (const file of ['docusaurus-theme-classic/navbar.json', 'docusaurus-theme-classic/footer.json']) {
      const strings = JSON.parse(readFileSync(join(I18N, locale, file), 'utf8')) as Record<
        string,
        { message: string }
      >
      for (const [key, { message }] of Object.entries(strings)) expect(message, `${file} ${key}`).toMatch(CJK)
    }
  })

  it.each(TRANSLATED_DOCS)('translates %s with the same code as the English page', (doc) => {
    const english = readFileSync(join(REPO_ROOT, 'portal/docs', doc), 'utf8')
    const translated = readFileSync(join(I18N, locale, 'docusaurus-plugin-content-docs/current', doc), 'utf8')
    expect(translated.split('\n').find((l) => l.startsWith('# '))).toMatch(CJK)
    expect(codeBlocks(translated)).toEqual(codeBlocks(english))
  })
})
