// The demo app lives in one place (<data dir>/demo-app.json) that every consumer finds, and follows the sandbox's port.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_DATA_DIR, findDemoAppDir, loadDemoApp } from '@iamsmart-sandbox/openapi/demo'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisteredApp } from '../apps/app.types'
import { demoApp, demoRedirectUris, followPort } from './demo-app'

const dirs: string[] = []
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'demo-app-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('the demo app', () => {
  it('is created once, keeps its credentials, and records the base URL and redirect URIs of each start', () => {
    const project = temp()
    const dataDir = join(project, DEFAULT_DATA_DIR)
    const first = demoApp(dataDir, 'http://127.0.0.1:8080')
    const second = demoApp(dataDir, 'http://127.0.0.1:9090')
    expect(second.credentials.clientID).toBe(first.credentials.clientID)
    expect(second.credentials.clientSecret).toBe(first.credentials.clientSecret)
    expect(second.app.redirectURIs).toEqual(demoRedirectUris('http://127.0.0.1:9090'))
    const saved = JSON.parse(readFileSync(join(dataDir, 'demo-app.json'), 'utf8'))
    expect(saved).toMatchObject({ baseUrl: 'http://127.0.0.1:9090', clientID: first.credentials.clientID })
  })

  it('is found by loadDemoApp from the directory the sandbox started in or any directory below it', () => {
    const project = temp()
    demoApp(join(project, DEFAULT_DATA_DIR), 'http://127.0.0.1:8181')
    const deep = join(project, 'src', 'routes')
    mkdirSync(deep, { recursive: true })
    const demo = loadDemoApp({ from: deep })
    expect(demo).toMatchObject({
      baseUrl: 'http://127.0.0.1:8181',
      apiBaseUrl: 'http://127.0.0.1:8181/api/v1',
      dir: join(project, DEFAULT_DATA_DIR),
      redirectURIs: demoRedirectUris('http://127.0.0.1:8181'),
    })
    expect(demo.kekPrivateKeyPem).toContain('BEGIN PRIVATE KEY')
    expect(loadDemoApp({ dir: join(project, DEFAULT_DATA_DIR) }).clientID).toBe(demo.clientID)
    const elsewhere = temp()
    expect(findDemoAppDir({ from: elsewhere })).toBeUndefined()
    expect(() => loadDemoApp({ from: elsewhere })).toThrow(/No demo app found .*Start the sandbox first/)
  })

  it('the stored app follows a new port: the old /demo/callback is replaced, URIs added in the console are kept', () => {
    const stored = {
      clientID: 'c',
      redirectURIs: [...demoRedirectUris('http://127.0.0.1:8080'), 'https://osp.example/cb'],
    } as RegisteredApp
    expect(followPort(stored, demoRedirectUris('http://127.0.0.1:8080'))).toBeUndefined()
    expect(followPort(stored, demoRedirectUris('http://127.0.0.1:9090'))?.redirectURIs).toEqual([
      ...demoRedirectUris('http://127.0.0.1:9090'),
      'https://osp.example/cb',
    ])
  })
})
