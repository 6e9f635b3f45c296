/** The frame shared by the support desk and the staff console: layout, session, sign-in, alerts. */
import Link from '@docusaurus/Link'
import useBaseUrl from '@docusaurus/useBaseUrl'
import Heading from '@theme/Heading'
import Layout from '@theme/Layout'
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react'
import { errorText, loadSession, type Session, signIn, signOut } from './api'
import { useTexts } from './strings'
import styles from './support.module.css'

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <div className="alert alert--danger" role="alert">
      {errorText(error)}
    </div>
  )
}

export function Done({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <div className="alert alert--success" role="status">
      {text}
    </div>
  )
}

/** Runs an async action with a busy flag and an error; returns [run, busy, error]. */
export function useAction(): [(fn: () => Promise<void>) => Promise<void>, boolean, unknown] {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }, [])
  return [run, busy, error]
}

function SignInForm({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t } = useTexts()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [run, busy, error] = useAction()
  const consoleSignIn = useBaseUrl('/console/sign-in')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => onSignedIn(await signIn(email, password)))
  }
  return (
    <section aria-labelledby="support-sign-in">
      <Heading as="h2" id="support-sign-in">
        {t.signInNeeded}
      </Heading>
      <p>
        <Link to={consoleSignIn}>{t.signInConsole}</Link>
      </p>
      <form className={styles.form} onSubmit={submit}>
        <label>
          {t.email}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t.password}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorBox error={error} />
        <div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t.signIn}
          </button>
        </div>
      </form>
    </section>
  )
}

/** The page frame: loads the session in the browser, shows a sign-in form when there is none. */
export function SupportFrame({
  title,
  intro,
  children,
}: {
  title: string
  intro: string
  children: (session: Session) => ReactNode
}) {
  const { t } = useTexts()
  const [session, setSession] = useState<Session | null | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    loadSession().then(setSession, setError)
  }, [])
  return (
    <Layout title={title} description={intro}>
      <main className={`container ${styles.wrap}`}>
        <Heading as="h1">{title}</Heading>
        <p>{intro}</p>
        <ErrorBox error={error} />
        {session === undefined && !error && <p role="status">{t.loading}</p>}
        {session === null && <SignInForm onSignedIn={setSession} />}
        {session && (
          <>
            <div className={styles.bar}>
              <span>
                {t.signedInAs} <strong data-testid="signed-in-as">{session.account.email}</strong>
              </span>
              <button
                type="button"
                className="button button--sm button--secondary"
                onClick={() => void signOut().then(() => setSession(null), setError)}
              >
                {t.signOut}
              </button>
            </div>
            {children(session)}
          </>
        )}
      </main>
    </Layout>
  )
}

export type Selection = { kind: 'enquiry' | 'application'; id: string } | null

function readSelection(): Selection {
  const q = new URLSearchParams(window.location.search)
  const enquiry = q.get('enquiry')
  if (enquiry) return { kind: 'enquiry', id: enquiry }
  const application = q.get('application')
  return application ? { kind: 'application', id: application } : null
}

/** The item opened, from `?enquiry=<id>` or `?application=<id>` (notification links), kept in the address. */
export function useSelection(): [Selection, (s: Selection) => void] {
  const [value, setValue] = useState<Selection>(null)
  useEffect(() => {
    const read = () => setValue(readSelection())
    read()
    window.addEventListener('popstate', read)
    return () => window.removeEventListener('popstate', read)
  }, [])
  const set = useCallback((v: Selection) => {
    const url = new URL(window.location.href)
    url.searchParams.delete('enquiry')
    url.searchParams.delete('application')
    if (v) url.searchParams.set(v.kind, v.id)
    window.history.pushState(null, '', url)
    setValue(v)
  }, [])
  return [value, set]
}

/** An application's answers under the form's own labels (not the API's field names), in the reader's language. */
export function ApplicationFields({ content }: { content: Record<string, unknown> }) {
  const { t, term } = useTexts()
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)
  const labels: Record<string, string> = {
    organisationName: t.organisationName,
    sector: t.sector,
    useCase: t.useCase,
    clientID: t.app,
    userJourney: t.userJourney,
    implementationPlan: t.implementationPlan,
    enciphermentCertificate: t.enciphermentCertificate,
    domain: t.domain,
  }
  const rows: [string, ReactNode][] = []
  for (const [key, label] of Object.entries(labels)) {
    const v = str(content[key])
    if (v === undefined) continue
    rows.push([label, key === 'sector' ? term(v) : key === 'clientID' ? <code>{v}</code> : v])
  }
  const tls = content.tls as { minVersion?: string; certificate?: string } | undefined
  if (tls?.minVersion) rows.push([t.tlsMinVersion, tls.minVersion])
  if (tls?.certificate) rows.push([t.tlsCertificate, tls.certificate])
  const contacts = Array.isArray(content.contacts) ? (content.contacts as Record<string, unknown>[]) : []
  if (contacts.length > 0)
    rows.push([
      t.contacts,
      <ul key="contacts" className="margin-bottom--none">
        {contacts.map((c, i) => (
          <li key={i}>
            {[str(c.name), str(c.role), str(c.email), str(c.phone)].filter(Boolean).join(' · ')}
          </li>
        ))}
      </ul>,
    ])
  return (
    <dl className={styles.card} data-testid="application-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={styles.pre}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
