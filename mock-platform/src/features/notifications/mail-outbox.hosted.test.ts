// Hosted mode: two instances' mail outboxes on one database send each notification once, retries included, and a
// message left queued is not sent twice when both instances start.
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createLogger } from '../../logger'
import { postgresDocuments } from '../../store/postgres/documents.pg'
import { postgresJobs } from '../../store/postgres/jobs.pg'
import { createTestDatabase, type TestDatabase } from '../../store/postgres/test-database'
import { type MailMessage, MailOutbox } from './mail-outbox'

const clusterUrl = inject('databaseUrl')
let db: TestDatabase | undefined
const outboxes: MailOutbox[] = []
afterAll(async () => {
  for (const o of outboxes) await o.drain()
  await db?.drop()
})

const mail = { kind: 'enquiry.created' as const, to: ['osp@example.hk'], subject: 'Enquiry', text: 'Hello' }

async function eventually(probe: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await probe()); i++) await new Promise((r) => setTimeout(r, 10))
}

describe.skipIf(!clusterUrl)('mail outbox on two instances', () => {
  it('each message is sent once, a failed try retried once by whichever instance claims it', async () => {
    db = await createTestDatabase(clusterUrl)
    const sent: string[] = []
    let failFirst = true
    const instance = async (owner: string) => {
      const pool = await db!.open(2)
      const o = new MailOutbox({
        messages: await postgresDocuments(pool).documents<MailMessage>('mail-outbox'),
        clock: { now: () => Date.now() },
        logger: createLogger('silent'),
        from: 'support@sandbox.invalid',
        transport: async (e) => {
          if (failFirst) {
            failFirst = false
            throw new Error('421 try later')
          }
          sent.push(e.data.includes('Enquiry') ? 'Enquiry' : '?')
          return '250 ok'
        },
        backoffMs: () => 20,
        jobs: { jobs: postgresJobs(pool), owner, pollMs: 15 },
      })
      outboxes.push(o)
      return o
    }
    const [a, b] = [await instance('A'), await instance('B')]
    const m = await a.enqueue(mail)
    await eventually(async () => (await b.get(m.id))?.state === 'sent')
    expect((await b.get(m.id))?.state).toBe('sent')
    expect((await a.get(m.id))?.attempts).toBe(2)
    // Both instances restarting with a queued message: still once.
    const again = await a.enqueue(mail)
    await Promise.all([a.resume(), b.resume()])
    await eventually(async () => (await a.get(again.id))?.state === 'sent')
    await new Promise((r) => setTimeout(r, 100))
    expect(sent).toEqual(['Enquiry', 'Enquiry'])
  })
})
