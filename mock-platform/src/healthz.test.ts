// /healthz: the embedded answer, and in the hosted mode the database's health (503 when it cannot be reached).
import { describe, expect, it } from 'vitest'
import { createApp, type AppDeps } from './app'
import { defaultConfig } from './config'
import { createLogger } from './logger'

const config = { ...defaultConfig, residentCount: 3, logLevel: 'silent' as const }

async function healthz(deps: AppDeps = {}) {
  const platform = await createApp(config, { logger: createLogger('silent'), ...deps })
  try {
    const res = await platform.app.request('/healthz')
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  } finally {
    await platform.close()
  }
}

describe('/healthz', () => {
  it('embedded: ok with the counts, no database', async () => {
    const { status, body } = await healthz()
    expect(status).toBe(200)
    expect(Object.keys(body).sort()).toEqual(['apps', 'residents', 'status'])
    expect(body.status).toBe('ok')
  })

  it('hosted: reports the database and its round trip', async () => {
    const { status, body } = await healthz({
      health: async () => ({ storage: 'postgres', database: { ok: true, ms: 0.4 } }),
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', storage: 'postgres', database: { ok: true, ms: 0.4 } })
  })

  it('hosted: 503 with the reason when the database cannot be reached', async () => {
    const { status, body } = await healthz({
      health: async () => ({ storage: 'postgres', database: { ok: false, error: 'connect ECONNREFUSED' } }),
    })
    expect(status).toBe(503)
    expect(body).toEqual({
      status: 'unavailable',
      storage: 'postgres',
      database: { ok: false, error: 'connect ECONNREFUSED' },
    })
  })
})
