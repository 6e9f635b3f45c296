/** The console's start page: what it is for, the first steps, and (signed in) the organisation's apps. */
import Link from '@docusaurus/Link'
import Translate from '@docusaurus/Translate'
import { sandboxApi, unwrap } from '../shared/api'
import { ErrorAlert, Loading } from '../shared/feedback'
import { useLoad } from '../shared/hooks'
import { Section } from '../shared/Section'
import { useSession } from '../shared/session'
import ui from '../shared/ui.module.css'
import { keyStatus } from './Apps'
import styles from './console.module.css'

function Steps() {
  return (
    <ol className={styles.steps}>
      <li>
        <Link to="/console/apps">
          <Translate id="console.overview.step.app">Register an app</Translate>
        </Link>
        {' — '}
        <Translate id="console.overview.step.app.body">
          copy its client ID and secret (the secret is shown once).
        </Translate>
      </li>
      <li>
        <Translate id="console.overview.step.kek">
          Upload the public half of a key encryption key (KEK) on the app's page; keep the private half on
          your server.
        </Translate>
      </li>
      <li>
        <Link to="/docs/getting-started">
          <Translate id="console.overview.step.code">Run the getting-started code</Translate>
        </Link>
        {' — '}
        <Translate id="console.overview.step.code.body">
          with your app's credentials and KEK private key: a headless login and getToken.
        </Translate>
      </li>
      <li>
        <Link to="/console/inspector">
          <Translate id="console.overview.step.inspect">Watch the calls in the request inspector</Translate>
        </Link>
        {' — '}
        <Translate id="console.overview.step.inspect.body">
          with a diagnosis and a troubleshooting link for every failure.
        </Translate>
      </li>
    </ol>
  )
}

function YourApps() {
  const { data, error, loading } = useLoad(async () => (await unwrap(sandboxApi.GET('/apps', {}))).items, [])
  if (loading && !data) return <Loading />
  if (error) return <ErrorAlert error={error} />
  if (!data || data.length === 0)
    return (
      <p>
        <Translate id="console.overview.noApps">No app yet.</Translate>{' '}
        <Link to="/console/apps">
          <Translate id="console.picker.create">Create an app</Translate>
        </Link>
      </p>
    )
  return (
    <ul>
      {data.map((a) => (
        <li key={a.clientID}>
          <Link to={`/console/app?app=${a.clientID}`}>{a.name}</Link> <code>{a.clientID}</code> {keyStatus(a)}
        </li>
      ))}
    </ul>
  )
}

export default function Overview() {
  const { state } = useSession()
  return (
    <>
      <p>
        <Translate id="console.overview.intro">
          The console is the sandbox's self-service portal: register apps and their keys, manage your
          organisation and its approvals, create synthetic residents, force failures, move the clock, and see
          every call your app makes.
        </Translate>
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'signed-out' && (
        <div className={ui.buttons}>
          <Link className="button button--primary button--lg" to="/console/sign-up">
            <Translate id="console.prompt.signUp">Create an account</Translate>
          </Link>
          <Link className="button button--secondary button--lg" to="/console/sign-in">
            <Translate id="console.prompt.signIn">Sign in</Translate>
          </Link>
        </div>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} />}
      <Section id="first-steps" title={<Translate id="console.overview.steps">First steps</Translate>}>
        <Steps />
      </Section>
      {state.status === 'signed-in' && (
        <Section
          id="overview-apps"
          title={<Translate id="console.apps.list.title">Your organisation's apps</Translate>}
        >
          <YourApps />
        </Section>
      )}
    </>
  )
}
