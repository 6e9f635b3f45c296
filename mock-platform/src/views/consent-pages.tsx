/** The virtual app's consents: the list on the home page (status, data, purpose, dates, Revoke) and one consent's history. */
import type { Context } from 'hono'
import { type Consent, type ConsentEvent, type ConsentStatus, isOneOff } from '../features/consent'
import type { Lang } from '../features/tickets'
import { t } from './i18n'
import { renderPage } from './layout'
import { Header } from './virtual-app-pages'

export interface ConsentRow {
  consent: Consent
  status: ConsentStatus
  retrievals: number
}

/** Hong Kong time, to the minute. */
const when = (ms: number): string =>
  `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} HKT`

export function kindLabel(lang: Lang, c: Consent): string {
  const s = t(lang)
  return c.kind === 'getProfiles' ? s.consent.getProfiles : s.kinds[c.kind]
}

export function itemLabel(lang: Lang, item: string): string {
  const sets = t(lang).consent.dataSets as Record<string, string>
  return sets[item] ?? item
}

function Facts(props: { lang: Lang; row: ConsentRow }) {
  const s = t(props.lang).consent
  const c = props.row.consent
  return (
    <dl>
      <dt>{s.data}</dt>
      <dd data-testid={`consent-items-${c.id}`}>{c.items.map((i) => itemLabel(props.lang, i)).join(', ')}</dd>
      {c.purpose ? (
        <>
          <dt>{s.purpose}</dt>
          <dd>{c.purpose}</dd>
        </>
      ) : null}
      <dt>{s.given}</dt>
      <dd>{when(c.validFrom)}</dd>
      <dt>{s.validUntil}</dt>
      <dd>{isOneOff(c) ? s.oneOff : when(c.validUntil)}</dd>
      {c.revokedAt !== undefined ? (
        <>
          <dt>{s.revokedAt}</dt>
          <dd>{when(c.revokedAt)}</dd>
        </>
      ) : null}
      {isOneOff(c) ? null : (
        <>
          <dt>{s.retrievals}</dt>
          <dd data-testid={`consent-retrievals-${c.id}`}>{props.row.retrievals}</dd>
        </>
      )}
    </dl>
  )
}

/** The revoke form: a same-origin POST (the app's CSRF middleware checks Origin). */
function RevokeButton(props: { lang: Lang; row: ConsentRow }) {
  if (props.row.status === 'revoked') return null
  const id = props.row.consent.id
  return (
    <form method="post" action={`/app/consents/${id}/revoke`}>
      <button type="submit" class="btn block danger" data-testid={`revoke-${id}`}>
        {t(props.lang).consent.revoke}
      </button>
    </form>
  )
}

/** The home page's "Consents" section. */
export function ConsentList(props: {
  lang: Lang
  rows: ConsentRow[]
  appName: (clientID: string) => string
}) {
  const s = t(props.lang).consent
  return (
    <section data-testid="consents">
      <h2 id="consents">{s.title}</h2>
      {props.rows.length === 0 ? <p class="muted">{s.empty}</p> : null}
      <ul class="list">
        {props.rows.map((row) => (
          <li data-testid={`consent-${row.consent.id}`}>
            <p>
              <strong>{props.appName(row.consent.clientID)}</strong> · {kindLabel(props.lang, row.consent)}{' '}
              <span class="pill" data-testid={`consent-status-${row.consent.id}`}>
                {s.status[row.status]}
              </span>
            </p>
            <Facts lang={props.lang} row={row} />
            <a href={`/app/consents/${row.consent.id}`} data-testid={`consent-details-${row.consent.id}`}>
              {s.details}
            </a>
            <RevokeButton lang={props.lang} row={row} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One consent with its whole history (granted, every retrieval, revoked). */
export function consentView(
  c: Context,
  o: { lang: Lang; row: ConsentRow; appName: string; events: ConsentEvent[] },
): Response {
  const s = t(o.lang).consent
  const consent = o.row.consent
  const path = `/app/consents/${consent.id}`
  return renderPage(
    c,
    { lang: o.lang, title: s.title, phone: true },
    <div data-testid="consent">
      <Header lang={o.lang} path={path} />
      <h1>
        {o.appName} · {kindLabel(o.lang, consent)}
      </h1>
      <p>
        <span class="pill" data-testid="consent-status">
          {s.status[o.row.status]}
        </span>
      </p>
      {o.row.status === 'revoked' ? <p data-testid="revoked-notice">{s.revokedNotice}</p> : null}
      {consent.kind === 'dataexchange' ? <p class="muted">{s.preview}</p> : null}
      <Facts lang={o.lang} row={o.row} />
      <h2>{s.history}</h2>
      <ul class="list" data-testid="consent-history">
        {o.events.map((e) => (
          <li data-testid={`event-${e.type}`}>
            {when(e.at)} · {s.events[e.type]}
            {e.items.length > 0 ? (
              <span class="muted"> ({e.items.map((i) => itemLabel(o.lang, i)).join(', ')})</span>
            ) : null}
          </li>
        ))}
      </ul>
      <RevokeButton lang={o.lang} row={o.row} />
      <a class="btn block secondary" href="/app#consents">
        {t(o.lang).appTitle}
      </a>
    </div>,
  )
}
