// Contract of the inspector, scenario and clock routes: each answer's status, media type and body match openapi/sandbox.
import { bundle, loadConfig } from '@redocly/openapi-core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type Json, violations } from '../../../test/contract'
import { harness, OSP } from '../../../test/harness'

const openapi = (p: string) => fileURLToPath(new URL(`../../../../openapi/${p}`, import.meta.url))

/** The path keys of this feature and their files (the shared openapi/sandbox/openapi.yaml includes them). */
const PATHS: Record<string, string> = {
  '/apps/{clientID}/requests': 'inspector-requests',
  '/apps/{clientID}/requests/export': 'inspector-requests-export',
  '/apps/{clientID}/requests/stream': 'inspector-requests-stream',
  '/apps/{clientID}/requests/{txID}': 'inspector-request',
  '/apps/{clientID}/callbacks/{callbackId}/replay': 'inspector-callback-replay',
  '/apps/{clientID}/scenarios': 'scenarios',
  '/apps/{clientID}/scenarios/{scenarioId}': 'scenarios-scenario',
  '/apps/{clientID}/scenarios/expire-cek': 'scenarios-expire-cek',
  '/apps/{clientID}/clock': 'clock',
  '/apps/{clientID}/clock/advance': 'clock-advance',
}

/** These path files alone, bundled and dereferenced (a throw-away root pointing at them). */
async function spec(): Promise<Json> {
  const dir = mkdtempSync(join(tmpdir(), 'inspector-spec-'))
  try {
    const paths = Object.fromEntries(
      Object.entries(PATHS).map(([k, f]) => [k, { $ref: openapi(`sandbox/paths/${f}.yaml`) }]),
    )
    const rootFile = join(dir, 'openapi.json')
    writeFileSync(rootFile, JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }))
    const config = await loadConfig({ configPath: openapi('redocly.yaml') })
    return (await bundle({ ref: rootFile, config, dereference: true })).bundle.parsed as Json
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('inspector, scenarios and clock: contract', () => {
  it('every answer of a walk through every operation is documented and matches its schema', async () => {
    const doc = await spec()
    const h = await harness()
    const app = `/sandbox/v1/apps/${h.clientID}`
    const seen: Array<{ method: string; template: string; res: Response }> = []
    const call = async (method: string, template: string, path: string, body?: unknown) =>
      seen.push({ method, template, res: await h.admin(`${app}${path}`, method, body) })

    h.callbackStatus.push(500, 500, 500, 500, 500)
    const t = await h.token()
    await h.client.call('/account/stepup/initiateRequest', {
      businessID: 'c-1',
      ...t,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
    })
    const [ticket] = h.platform.services.tickets.pending()
    await h.platform.services.tickets.decide(ticket!.ticketID, 'approve')
    await h.settle()
    const [cb] = h.platform.services.outbox.list(h.clientID)
    const some = (await h.platform.services.inspector.list(h.clientID))[0]!

    await call('GET', '/apps/{clientID}/requests', '/requests?limit=5')
    await call('GET', '/apps/{clientID}/requests', '/requests?limit=0')
    await call('GET', '/apps/{clientID}/requests/export', '/requests/export')
    await call('GET', '/apps/{clientID}/requests/{txID}', `/requests/${some.txID}`)
    await call('GET', '/apps/{clientID}/requests/{txID}', `/requests/${'0'.repeat(32)}`)
    await call('POST', '/apps/{clientID}/callbacks/{callbackId}/replay', `/callbacks/${cb!.id}/replay`)
    await call(
      'POST',
      '/apps/{clientID}/callbacks/{callbackId}/replay',
      `/callbacks/${'0'.repeat(32)}/replay`,
    )
    await call('POST', '/apps/{clientID}/scenarios', '/scenarios', {
      operationId: 'getToken',
      dcode: 'D40004',
    })
    await call('POST', '/apps/{clientID}/scenarios', '/scenarios', { operationId: 'nope' })
    await call('GET', '/apps/{clientID}/scenarios', '/scenarios')
    const id = h.platform.services.scenarios.list(h.clientID)[0]!.id
    await call('DELETE', '/apps/{clientID}/scenarios/{scenarioId}', `/scenarios/${id}`)
    await call('DELETE', '/apps/{clientID}/scenarios/{scenarioId}', `/scenarios/${id}`)
    await call('DELETE', '/apps/{clientID}/scenarios', '/scenarios')
    await call('POST', '/apps/{clientID}/scenarios/expire-cek', '/scenarios/expire-cek')
    await call('GET', '/apps/{clientID}/clock', '/clock')
    await call('POST', '/apps/{clientID}/clock/advance', '/clock/advance', { ms: 1000 })
    await call('POST', '/apps/{clientID}/clock/advance', '/clock/advance', { ms: 0 })
    await call('DELETE', '/apps/{clientID}/clock', '/clock')
    seen.push({ method: 'GET', template: '/apps/{clientID}/clock', res: await h.request(`${app}/clock`) })

    const problems: string[] = []
    const covered = new Set<string>()
    for (const { method, template, res } of seen) {
      const op = doc.paths[template]?.[method.toLowerCase()] as Json | undefined
      const label = `${method} ${template} → ${res.status}`
      const documented = op?.responses?.[String(res.status)] as Json | undefined
      if (!documented) {
        problems.push(`${label}: not documented`)
        continue
      }
      covered.add(`${method} ${template}`)
      const text = await res.text()
      if (!documented.content) {
        if (text !== '') problems.push(`${label}: body where none is documented`)
        continue
      }
      const [media, content] = Object.entries(documented.content as Json)[0] as [string, Json]
      if (!(res.headers.get('content-type') ?? '').startsWith(media)) problems.push(`${label}: not ${media}`)
      for (const v of violations(content.schema, JSON.parse(text))) problems.push(`${label}: ${v}`)
    }
    expect(problems).toEqual([])
    const list =
      doc.paths['/apps/{clientID}/requests'].get.responses['200'].content['application/json'].schema
    expect(violations(list, { items: [{ kind: 'call', txID: 'x' }], count: 1, tailSize: 500 })).not.toEqual(
      [],
    )
    const operations = Object.entries(doc.paths as Json).flatMap(([p, item]) =>
      ['get', 'post', 'delete'].filter((m) => (item as Json)[m]).map((m) => `${m.toUpperCase()} ${p}`),
    )
    expect(operations.filter((o) => !covered.has(o) && !o.endsWith('/stream'))).toEqual([])
  })
})
