/** Pages of the virtual iAM Smart app: home (resident, inbox, scan, history), a request, its outcome. */
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Resident } from '../personas/resident.types'
import type { HistoryEntry } from '../features/virtual-app'
import { type Lang, type Ticket, isAnonymous } from '../features/tickets'
import { LANGS, type Strings, t } from './i18n'
import { renderPage } from './layout'

const LANG_LABELS: Record<Lang, string> = { 'en-US': 'EN', 'zh-HK': '繁', 'zh-CN': '简' }
const hkid = (r: Resident) => `${r.profile.idNo.Identification}(${r.profile.idNo.CheckDigit})`

export function Header(props: { lang: Lang; path: string }) {
  return (
    <div class="row">
      <strong>{t(props.lang).appTitle}</strong>
      <span class="langs">
        {LANGS.map((l) => (
          <a href={`${props.path}?lang=${l}`} aria-current={l === props.lang ? 'true' : undefined}>
            {LANG_LABELS[l]}
          </a>
        ))}
      </span>
    </div>
  )
}

export function ResidentPicker(props: { lang: Lang; residents: Resident[]; next: string; query?: string }) {
  const s = t(props.lang)
  const query = props.query ?? ''
  return (
    <section data-testid="resident-picker">
      <h2>{s.chooseResident}</h2>
      {/* Searching stays where the picker is (a pending request keeps its place: next is its path). */}
      <form method="get" action={props.next} role="search">
        <input type="search" name="q" value={query} placeholder={s.search} aria-label={s.search} />{' '}
        <button class="btn secondary" type="submit">
          {s.searchGo}
        </button>
      </form>
      {props.residents.length === 0 ? (
        <p class="muted" role="status" data-testid="no-resident-found">
          {query ? s.noResidentFound(query) : s.noResidents}
        </p>
      ) : null}
      <ul class="list">
        {props.residents.map((r) => (
          <li>
            <form method="post" action="/app/resident" class="row">
              <input type="hidden" name="residentId" value={r.id} />
              <input type="hidden" name="next" value={props.next} />
              <span>
                {r.profile.enName.UnstructuredName} {r.profile.chName?.ChineseName ?? ''}
                <br />
                <span class="muted">
                  {hkid(r)} · {r.tier}
                  {r.magic ? ` · ${r.magic.outcome}` : ''}
                </span>
              </span>
              <button
                class="btn secondary"
                type="submit"
                data-testid={`choose-${r.id}`}
                aria-label={s.chooseThis(r.profile.enName.UnstructuredName, hkid(r))}
              >
                <span aria-hidden="true">✓</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * The home page's list `name` (inbox, history): its heading (s[name]) and `items`; when there is none,
 * s[`${name}Empty`] is said above the (empty) list, which is test id `name`.
 */
function TitledList(props: { s: Strings; name: 'inbox' | 'history'; items: Child[] }) {
  return (
    <>
      <h2>{props.s[props.name]}</h2>
      {props.items.length === 0 ? <p class="muted">{props.s[`${props.name}Empty`]}</p> : null}
      <ul class="list" data-testid={props.name}>
        {props.items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </>
  )
}

export function homeView(
  c: Context,
  o: {
    lang: Lang
    resident?: Resident
    residents: Resident[]
    query: string
    /** Where the picker's search goes (the page it is on). */
    searchAction?: string
    inbox: Ticket[]
    history: HistoryEntry[]
    appName: (clientID: string) => string
    /** The consents section (views/consent-pages.tsx). */
    consents?: Child
  },
): Response {
  const s = t(o.lang)
  return renderPage(
    c,
    { lang: o.lang, title: s.appTitle, phone: true },
    <div data-testid="virtual-app">
      <Header lang={o.lang} path="/app" />
      {o.resident ? (
        <section>
          <p>
            {s.currentResident}:{' '}
            <strong data-testid="current-resident">{o.resident.profile.enName.UnstructuredName}</strong>{' '}
            <span class="pill">{o.resident.tier}</span>
          </p>
          <TitledList
            s={s}
            name="inbox"
            items={o.inbox.map((tk) => (
              <a href={`/app/requests/${tk.ticketID}`}>
                {s.kinds[tk.kind]} · {o.appName(tk.clientID)}
              </a>
            ))}
          />
          <h2>{s.scan}</h2>
          <form method="get" action="/app/scan">
            <input type="text" name="qr" placeholder={s.scanHint} aria-label={s.scan} />
            <button class="btn block" type="submit">
              {s.scanGo}
            </button>
          </form>
          <TitledList
            s={s}
            name="history"
            items={o.history.map((h) => (
              <>
                {h.serviceName} · {s.kinds[h.kind]} · {s.outcome[h.status]}
                {h.fields.length > 0 ? <span class="muted"> ({h.fields.join(', ')})</span> : null}
              </>
            ))}
          />
          {o.consents}
          <details>
            <summary>{s.switchResident}</summary>
            <ResidentPicker lang={o.lang} residents={o.residents} next="/app" query={o.query} />
          </details>
        </section>
      ) : (
        <ResidentPicker lang={o.lang} residents={o.residents} next="/app" query={o.query} />
      )}
    </div>,
  )
}

export function doneView(c: Context, o: { lang: Lang; ticket: Ticket; serviceName: string }): Response {
  const s = t(o.lang)
  const tk = o.ticket
  // Same-device journeys (broker page, app-to-app, pushed requests) return to the e-Service; QR journeys to the computer.
  const sameDevice = tk.browser && tk.browser.source !== 'PC_Browser' && tk.browser.location
  return renderPage(
    c,
    { lang: o.lang, title: s.outcome[tk.status], phone: true },
    <div data-testid="request-done">
      <Header lang={o.lang} path="/app" />
      <h1 data-testid="outcome">{s.outcome[tk.status]}</h1>
      <p class="muted">
        {o.serviceName} · {s.kinds[tk.kind]} · {tk.result?.code}
      </p>
      {sameDevice ? (
        <a class="btn block" href={tk.browser!.location} data-testid="return-to-service">
          {s.returnToService}
        </a>
      ) : (
        <p>{tk.browser || isAnonymous(tk.kind) ? s.returnToComputer : s.done}</p>
      )}
      <a class="btn block secondary" href="/app">
        {s.appTitle}
      </a>
    </div>,
  )
}

export function notFoundView(c: Context, lang: Lang): Response {
  const s = t(lang)
  return renderPage(
    c,
    { lang, title: s.appTitle, phone: true, status: 404 },
    <div class="card error" data-testid="request-not-found">
      <p>{s.notFound}</p>
      <a class="btn block" href="/app">
        {s.appTitle}
      </a>
    </div>,
  )
}
