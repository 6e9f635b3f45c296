/**
 * The frame of every console page: the site layout, the console's own navigation and the account, and a sign-in
 * prompt instead of the page when it needs a session and there is none. Everything is loaded in the browser from
 * the sandbox API on the same origin; the static build renders only the frame.
 */
import Link from '@docusaurus/Link'
import { useLocation } from '@docusaurus/router'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import Heading from '@theme/Heading'
import Layout from '@theme/Layout'
import type { ComponentType, ReactNode } from 'react'
import styles from './console.module.css'
import { ActionButton, ErrorAlert, Loading } from '../shared/feedback'
import { SessionProvider, useSession } from '../shared/session'
import ui from '../shared/ui.module.css'

export interface ConsolePageProps {
  title: string
  description?: string
  /** false: the page is for signed-out visitors too (sign-in, sign-up, overview). */
  requireSession?: boolean
  children: ReactNode
}

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  const { pathname } = useLocation()
  const href = useBaseUrl(to)
  const current = pathname.replace(/\/$/, '') === href.replace(/\/$/, '')
  return (
    <li>
      <Link to={to} className={styles.navLink} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  )
}

/** The console's pages, in the order of its navigation. */
const pages = () =>
  [
    ['/console', translate({ id: 'console.nav.overview', message: 'Overview' })],
    ['/console/apps', translate({ id: 'console.nav.apps', message: 'Apps' })],
    ['/console/inspector', translate({ id: 'console.nav.inspector', message: 'Request inspector' })],
    ['/console/scenarios', translate({ id: 'console.nav.scenarios', message: 'Scenarios and clock' })],
    ['/console/residents', translate({ id: 'console.nav.residents', message: 'Residents' })],
    ['/console/organisation', translate({ id: 'console.nav.organisation', message: 'Organisation' })],
  ] as const

function ConsoleNav() {
  const { state, signOut } = useSession()
  return (
    <nav
      className={styles.consoleNav}
      aria-label={translate({ id: 'console.nav.label', message: 'Console' })}
    >
      <ul>
        {pages().map(([to, label]) => (
          <NavItem key={to} to={to}>
            {label}
          </NavItem>
        ))}
      </ul>
      {state.status === 'signed-in' && (
        <div className={styles.account}>
          <span>
            <Translate
              id="console.nav.signedInAs"
              values={{
                email: <strong>{state.session.account.email}</strong>,
                org: state.session.organisation?.name ?? '—',
              }}
            >
              {'{email} · {org}'}
            </Translate>
          </span>
          <ActionButton className="button--secondary button--sm" onClick={signOut}>
            <Translate id="console.nav.signOut">Sign out</Translate>
          </ActionButton>
        </div>
      )}
    </nav>
  )
}

function SignInPrompt() {
  return (
    <div className="alert alert--info" role="status">
      <p>
        <Translate id="console.prompt.body">
          Sign in to use the console. An account is free and lives in this sandbox only.
        </Translate>
      </p>
      <div className={ui.buttons}>
        <Link className="button button--primary" to="/console/sign-in">
          <Translate id="console.prompt.signIn">Sign in</Translate>
        </Link>
        <Link className="button button--secondary" to="/console/sign-up">
          <Translate id="console.prompt.signUp">Create an account</Translate>
        </Link>
      </div>
    </div>
  )
}

function Gate({ requireSession, children }: { requireSession: boolean; children: ReactNode }) {
  const { state } = useSession()
  if (!requireSession) return <>{children}</>
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') return <ErrorAlert error={state.error} />
  if (state.status === 'signed-out') return <SignInPrompt />
  return <>{children}</>
}

export default function ConsoleLayout({
  title,
  description,
  requireSession = true,
  children,
}: ConsolePageProps) {
  return (
    <Layout
      title={title}
      description={
        description ??
        translate({
          id: 'console.meta.description',
          message:
            'The iAM Smart Developer Sandbox console: apps, keys, residents, scenarios and the request inspector.',
        })
      }
    >
      <SessionProvider>
        <main className={`container ${styles.page}`}>
          <ConsoleNav />
          <Heading as="h1">{title}</Heading>
          <Gate requireSession={requireSession}>{children}</Gate>
        </main>
      </SessionProvider>
    </Layout>
  )
}

/**
 * A page of the console (what a file under pages/console exports): the frame, titled when shown (in the reader's
 * language), around `Content`; `requireSession: false` for signed-out visitors too (sign-in, sign-up, overview).
 */
export function consolePage(
  title: () => string,
  Content: ComponentType,
  { requireSession = true }: { requireSession?: boolean } = {},
) {
  return function ConsolePage() {
    return (
      <ConsoleLayout title={title()} requireSession={requireSession}>
        <Content />
      </ConsoleLayout>
    )
  }
}
