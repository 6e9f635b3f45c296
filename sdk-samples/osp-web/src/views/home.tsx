/** @jsxRuntime automatic @jsxImportSource hono/jsx — The home page (login, or the linked account) and the timeline of what happened in this session. */
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { t } from '../i18n'
import type { Session } from '../session'
import type { Account, TimelineEntry } from '../store'
import { IamSmartButton, MoreInfo } from './button'
import { Page } from './layout'

export function HomePage(props: { session: Session; account?: Account; flash?: string }) {
  const { session, account } = props
  const s = t(session.lang)
  return (
    <Page lang={session.lang} title={s.home} flash={props.flash}>
      <div class="card">
        <h1>{s.service}</h1>
        <p>{s.intro}</p>
        {session.user && account ? (
          <div data-testid="account">
            <p data-testid="welcome">
              {session.user.firstLogin ? s.welcomeNew(account.id) : s.welcomeBack(account.id)}
            </p>
            <p>
              <strong data-testid="user-name">{session.user.name}</strong>{' '}
              <span class="muted" data-testid="account-id">
                {account.id}
              </span>
            </p>
            <p class="muted">openID {account.openID.slice(0, 16)}…</p>
            <p>
              <a href="/form" data-testid="go-form">
                {s.form} →
              </a>
            </p>
            <form method="post" action="/logout">
              <button type="submit" class="plain-btn" data-testid="logout">
                {s.logout}
              </button>
            </form>
          </div>
        ) : (
          <p>
            <IamSmartButton kind="login" lang={session.lang} action="/login" />{' '}
            <MoreInfo lang={session.lang} />
          </p>
        )}
      </div>
    </Page>
  )
}

const time = (at: number) => new Date(at).toISOString().slice(11, 23)

export function TimelinePage(props: { session: Session; entries: TimelineEntry[] }) {
  const s = t(props.session.lang)
  return (
    <Page lang={props.session.lang} title={s.timeline}>
      <div class="card">
        <h1>{s.timeline}</h1>
        <table data-testid="timeline">
          <thead>
            <tr>
              <th>{s.when}</th>
              <th>{s.what}</th>
              <th>{s.code}</th>
              <th>{s.txID}</th>
              <th>{s.detail}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr data-testid="timeline-row" data-kind={e.kind}>
                <td>{time(e.at)}</td>
                <td>{e.kind === 'call' ? <code>{e.title}</code> : e.title}</td>
                <td title={e.code && e.code in dCodes ? dCodes[e.code as keyof typeof dCodes].message : ''}>
                  {e.code ?? ''}
                </td>
                <td class="muted">{e.txID ?? ''}</td>
                <td class="muted">{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  )
}
