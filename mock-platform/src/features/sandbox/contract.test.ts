// Contract: every sandbox route is in openapi/sandbox and every operation is served; real answers match the spec.
import { bundle, loadConfig } from '@redocly/openapi-core'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Json, violations } from '../../../test/contract'
import { type Harness, harness } from '../../../test/harness'
import { walk } from './contract.walk'

const root = (p: string) => fileURLToPath(new URL(`../../../../openapi/${p}`, import.meta.url))
const METHODS = ['get', 'put', 'post', 'patch', 'delete']

async function sandboxSpec(): Promise<Json> {
  const config = await loadConfig({ configPath: root('redocly.yaml') })
  const { bundle: doc } = await bundle({ ref: root('sandbox/openapi.yaml'), config, dereference: true })
  return doc.parsed as Json
}

interface Call {
  method: string
  path: string
  status: number
  type: string
  body: unknown
}

/** The spec operation serving a concrete path, e.g. /sandbox/v1/apps/abc → /apps/{clientID}. */
function operationOf(spec: Json, method: string, path: string): { template: string; op: Json } | undefined {
  const rel = path.replace(/^\/sandbox\/v1/, '').split('?')[0]!
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`)
    if (re.test(rel) && (item as Json)[method.toLowerCase()])
      return { template, op: (item as Json)[method.toLowerCase()] }
  }
  return undefined
}

describe('sandbox API contract', () => {
  let spec: Json
  let h: Harness
  beforeAll(async () => {
    spec = await sandboxSpec()
    h = await harness()
  })

  it('documents every /sandbox/v1 route, and serves every documented operation', () => {
    const served = new Set<string>()
    for (const r of h.platform.app.routes)
      if (r.path.startsWith('/sandbox/v1/') && r.method !== 'ALL')
        served.add(`${r.method} ${r.path.replace('/sandbox/v1', '').replace(/:([A-Za-z]+)/g, '{$1}')}`)
    const documented = new Set<string>()
    for (const [path, item] of Object.entries(spec.paths as Json))
      for (const m of METHODS) if ((item as Json)[m]) documented.add(`${m.toUpperCase()} ${path}`)
    expect([...served].filter((x) => !documented.has(x)).sort(), 'served but not in openapi/sandbox').toEqual(
      [],
    )
    expect([...documented].filter((x) => !served.has(x)).sort(), 'documented but not served').toEqual([])
  })

  it('answers as documented: status, media type and body schema, across a walk through every operation', async () => {
    const calls: Call[] = []
    const request = h.request
    h.request = async (path, init) => {
      const res = await request(path, init)
      if (path.startsWith('/sandbox/v1/')) {
        const text = await res.clone().text()
        const type = res.headers.get('content-type') ?? ''
        calls.push({
          method: init?.method ?? 'GET',
          path,
          status: res.status,
          type,
          body: text ? JSON.parse(text) : undefined,
        })
      }
      return res
    }
    await walk(h)
    h.request = request

    const problems: string[] = []
    const succeeded = new Set<string>()
    for (const c of calls) {
      const found = operationOf(spec, c.method, c.path)
      const label = `${c.method} ${c.path.split('?')[0]} → ${c.status}`
      if (!found) {
        problems.push(`${label}: no operation`)
        continue
      }
      const response = found.op.responses[String(c.status)] as Json | undefined
      if (!response) {
        problems.push(`${label}: status not documented for ${found.op.operationId}`)
        continue
      }
      if (c.status < 300) succeeded.add(found.op.operationId)
      const media = response.content as Json | undefined
      if (!media) {
        if (c.body !== undefined) problems.push(`${label}: body where none is documented`)
        continue
      }
      const [mediaType, content] = Object.entries(media)[0] as [string, Json]
      if (!c.type.startsWith(mediaType)) problems.push(`${label}: ${c.type}, documented ${mediaType}`)
      for (const v of violations(content.schema, c.body)) problems.push(`${label}: ${v}`)
    }
    expect(problems).toEqual([])
    const mine = Object.values(spec.paths as Json).flatMap((item) =>
      METHODS.map((m) => (item as Json)[m]).filter((op) => op && SANDBOX_TAGS.includes(op.tags[0])),
    )
    const missed = mine
      .map((op) => op.operationId)
      .filter((id) => !succeeded.has(id) && !NO_SUCCESS.includes(id))
    expect(missed, 'operations the walk never completed').toEqual([])
  })
})

const SANDBOX_TAGS = [
  'Accounts',
  'Organisations',
  'Apps',
  'Change requests',
  'Residents',
  'Headless',
  'Try it',
]
/** A certificate exists only after a signature (covered by the PKI tests); here they answer 404 as documented. */
const NO_SUCCESS = ['getResidentCertificate', 'revokeResidentCertificate']
