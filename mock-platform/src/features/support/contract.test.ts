// Contract: every /support/v1 route is in openapi/support and every operation is served; real answers match the spec.
import { bundle, loadConfig } from '@redocly/openapi-core'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Json, violations } from '../../../test/contract'
import { type Harness, harness } from '../../../test/harness'
import { walk } from './contract.walk'

const root = (p: string) => fileURLToPath(new URL(`../../../../openapi/${p}`, import.meta.url))
const METHODS = ['get', 'put', 'post', 'patch', 'delete']

async function supportSpec(): Promise<Json> {
  const config = await loadConfig({ configPath: root('redocly.yaml') })
  const { bundle: doc } = await bundle({ ref: root('support/openapi.yaml'), config, dereference: true })
  return doc.parsed as Json
}

function operationOf(spec: Json, method: string, path: string): Json | undefined {
  const rel = path.replace(/^\/support\/v1/, '').split('?')[0]!
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`)
    if (re.test(rel) && (item as Json)[method.toLowerCase()]) return (item as Json)[method.toLowerCase()]
  }
  return undefined
}

describe('support API contract', () => {
  let spec: Json
  let h: Harness
  beforeAll(async () => {
    spec = await supportSpec()
    h = await harness()
  })

  it('documents every /support/v1 route, and serves every documented operation', () => {
    const served = new Set<string>()
    for (const r of h.platform.app.routes)
      if (r.path.startsWith('/support/v1/') && r.method !== 'ALL')
        served.add(`${r.method} ${r.path.replace('/support/v1', '').replace(/:([A-Za-z]+)/g, '{$1}')}`)
    const documented = new Set<string>()
    for (const [path, item] of Object.entries(spec.paths as Json))
      for (const m of METHODS) if ((item as Json)[m]) documented.add(`${m.toUpperCase()} ${path}`)
    expect([...served].filter((x) => !documented.has(x)).sort(), 'served but not documented').toEqual([])
    expect([...documented].filter((x) => !served.has(x)).sort(), 'documented but not served').toEqual([])
  })

  it('answers as documented (status, media type, body schema) across a walk through every operation', async () => {
    const calls: Array<{ method: string; path: string; status: number; type: string; body: unknown }> = []
    const request = h.request
    h.request = async (path, init) => {
      const res = await request(path, init)
      if (path.startsWith('/support/v1/')) {
        const type = res.headers.get('content-type') ?? ''
        const text = await res.clone().text()
        calls.push({
          method: init?.method ?? 'GET',
          path,
          status: res.status,
          type,
          body: type.includes('json') && text ? JSON.parse(text) : text,
        })
      }
      return res
    }
    await walk(h)
    h.request = request

    const problems: string[] = []
    const succeeded = new Set<string>()
    const refused = new Set<number>()
    for (const c of calls) {
      const op = operationOf(spec, c.method, c.path)
      const label = `${c.method} ${c.path.split('?')[0]} → ${c.status}`
      if (!op) {
        problems.push(`${label}: no operation`)
        continue
      }
      const response = op.responses[String(c.status)] as Json | undefined
      if (!response) {
        problems.push(`${label}: status not documented for ${op.operationId}`)
        continue
      }
      if (c.status < 300) succeeded.add(op.operationId)
      else refused.add(c.status)
      const media = Object.entries((response.content ?? {}) as Json).find(([t]) => c.type.startsWith(t))
      if (!media) {
        problems.push(`${label}: ${c.type} not documented`)
        continue
      }
      if (c.type.includes('json'))
        for (const v of violations(media[1].schema, c.body)) problems.push(`${label}: ${v}`)
    }
    expect(problems).toEqual([])
    const all = Object.values(spec.paths as Json).flatMap((item) =>
      METHODS.map((m) => (item as Json)[m]?.operationId).filter(Boolean),
    )
    expect(
      all.filter((id) => !succeeded.has(id)),
      'operations the walk never completed',
    ).toEqual([])
    expect([...refused].sort()).toEqual([401, 403, 404, 409, 413, 415, 422])
  })
})
