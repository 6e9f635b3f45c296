// Durable support data (lowdb mode): enquiries, attachments (files), targets and the outbox survive a restart.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { lowdbStorage } from '../../store/lowdb'
import { signIn } from '../../../test/session.fixtures'
import { provider, staff } from './support.fixtures'

describe('support desk storage', () => {
  it('keeps enquiries, attachment files, targets and mail across a restart; references continue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'support-'))
    const open = () =>
      harness({ config: { storage: 'lowdb', dataDir }, deps: { storage: lowdbStorage(dataDir) } })
    const h1 = await open()
    const lead = await staff(h1, 'lead@support.example', 'lead')
    const p = await provider(h1, 'dev@alpha.example', 'Alpha')
    const e = await p.dev.json('/support/v1/enquiries', 'POST', {
      subject: 'Trace attached',
      description: 'See the log.',
      attachments: [{ filename: 'trace.log', data: Buffer.from('line 1\n').toString('base64') }],
    })
    await lead.json('/support/v1/targets', 'PUT', { hours: { normal: { firstResponse: 2, resolution: 20 } } })
    await h1.platform.close()
    expect(readdirSync(join(dataDir, 'support-attachments'))).toEqual([e.attachments[0].id])

    const h2 = await open()
    const dev = await signIn(h2, 'dev@alpha.example')
    const res = await dev.call(`/support/v1/enquiries/${e.id}/attachments/${e.attachments[0].id}`)
    expect(await res.text()).toBe('line 1\n')
    const next = await dev.json('/support/v1/enquiries', 'POST', {
      subject: 'Second',
      description: 'Another.',
    })
    expect(next.reference).toBe('ENQ-0002')
    const lead2 = await signIn(h2, 'lead@support.example')
    expect((await lead2.json('/support/v1/targets')).hours.normal).toEqual({
      firstResponse: 2,
      resolution: 20,
    })
    expect((await lead2.json('/support/v1/mail')).total).toBe(2)
    await h2.platform.close()
  })
})
