/** Turns every approved release of resident data (a decided ticket, a direct read) into a one-off consent. */
import type { Ticket } from '../tickets'
import type { ConsentService, NewConsent } from './consent.service'
import type { ConsentKind } from './consent.types'

const SIGNATURES: readonly string[] = ['signing', 'pdfsigning', 'anonymous-signing', 'anonymous-pdfsigning']
const MAX_PURPOSE = 200

/** The purpose the provider gave: e-ME form name and description, or the document / service to sign. */
export function purposeOf(request: Record<string, unknown>): string | undefined {
  const text = (k: string) =>
    typeof request[k] === 'string' && request[k] !== '' ? (request[k] as string) : undefined
  const form = [text('formName'), text('formNum') && `(${text('formNum')})`].filter(Boolean).join(' ')
  const parts = [form || undefined, text('formDesc')].filter(Boolean)
  const purpose = parts.length > 0 ? parts.join(' — ') : (text('documentName') ?? text('serviceName'))
  return purpose?.slice(0, MAX_PURPOSE)
}

/** The one-off consent a decided ticket records; undefined when nothing was released (refusals, logins, data exchange). */
export function releaseOf(t: Ticket, appName: string): NewConsent | undefined {
  // Data exchange records its consent when approved (its reference goes into the callback); a login releases no data.
  if (t.kind === 'login' || t.kind === 'dataexchange') return undefined
  if (t.result?.code !== 'D00000' || !t.residentId) return undefined
  const released = Object.keys(t.result.content ?? {})
  // A signature is recorded as the release of "signature" (with its certificate); an anonymous refusal releases nothing.
  const items = SIGNATURES.includes(t.kind) ? (released.length > 0 ? ['signature'] : []) : released
  if (items.length === 0) return undefined
  const at = t.decidedAt ?? t.createdAt
  const purpose = purposeOf(t.request)
  const businessID = t.callback?.businessID ?? (t.request.businessID as string | undefined)
  return {
    residentId: t.residentId,
    clientID: t.clientID,
    appName,
    kind: t.kind as ConsentKind,
    items,
    ...(purpose ? { purpose } : {}),
    ...(businessID ? { businessID } : {}),
    ticketID: t.ticketID,
    validFrom: at,
    validUntil: at,
  }
}

/** The one-off consent of a direct read (`POST /profiles`); undefined when nothing was returned. */
export function directRead(
  app: { clientID: string; name: string },
  residentId: string,
  items: string[],
  at: number,
): NewConsent | undefined {
  if (items.length === 0) return undefined
  const base = { residentId, clientID: app.clientID, appName: app.name, kind: 'getProfiles' as const }
  return { ...base, items, validFrom: at, validUntil: at }
}

/** The tickets service's onDecided hook: records what the resident released, before anything is delivered. */
export function consentRecorder(
  consents: ConsentService,
  appName: (clientID: string) => Promise<string | undefined>,
): (t: Ticket) => Promise<void> | undefined {
  return (t) => {
    // Nothing released (refusals, logins): no ledger line, and the decision goes on in the same tick.
    const release = releaseOf(t, t.clientID)
    return (
      release &&
      appName(t.clientID).then((name) => consents.record({ ...release, appName: name ?? t.clientID }))
    )
  }
}
