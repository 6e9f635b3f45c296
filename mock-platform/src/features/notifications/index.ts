/** The notifications feature's entry: the mail outbox and its SMTP transport. */
import type { ConnectionOptions } from 'node:tls'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import type { Logger } from '../../logger'
import type { DocumentStore } from '../../store/documents'
import type { Jobs } from '../../store/jobs'
import { DEFAULT_FROM, type MailMessage, MailOutbox } from './mail-outbox'
import { sendMail } from './smtp'

export * from './mail-outbox'
export * from './smtp'

export interface MailDeps {
  clock: Clock
  logger: Logger
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>
  /** Extra TLS options for SMTP (a private CA in tests). */
  tls?: ConnectionOptions
  backoffMs?: (attempt: number) => number
  /** Hosted mode: messages sent as leased jobs of the shared queue (once across instances). */
  jobs?: { jobs: Jobs; owner: string; pollMs?: number }
}

/** The mail outbox: sent over SMTP when `config.smtpUrl` is set, else kept for the local mail viewer. */
export async function createMailOutbox(documents: DocumentStore, d: MailDeps): Promise<MailOutbox> {
  const smtpUrl = d.config.smtpUrl
  const outbox = new MailOutbox({
    messages: await documents.documents<MailMessage>('mail-outbox'),
    clock: d.clock,
    logger: d.logger,
    from: d.config.mailFrom ?? DEFAULT_FROM,
    transport: smtpUrl ? (m) => sendMail({ url: smtpUrl, tls: d.tls }, m) : undefined,
    backoffMs: d.backoffMs,
    jobs: d.jobs,
  })
  await outbox.resume()
  return outbox
}
