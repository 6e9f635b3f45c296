/**
 * "Try it against your sandbox app" on each API reference page of a platform operation: with the console session,
 * the reader picks one of their apps, edits the request JSON (pre-filled from the spec example's `x-plaintext`) and
 * sends it. The sandbox signs and encrypts it as the app (POST /sandbox/v1/apps/{clientID}/try, decision 0016) and
 * answers the transcript, shown here: each exchange as sent and received, the decrypted answer, and a link to the
 * call in the request inspector. getQR is the resident's browser navigation: it gets a link instead.
 */
import Link from '@docusaurus/Link'
import Translate from '@docusaurus/Translate'
import { useId } from 'react'
import { ErrorAlert, Loading } from '../shared/feedback'
import { SessionProvider, useSession } from '../shared/session'
import styles from './api.module.css'
import Panel from './try-it/Panel'
import type { TryItExample } from './try-it/request'

function Gate(props: {
  operationId: string
  encrypted: boolean
  browser: boolean
  examples: TryItExample[]
}) {
  const { state } = useSession()
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') return <ErrorAlert error={state.error} />
  if (state.status === 'signed-out')
    return (
      <div className="alert alert--info" role="status" data-testid="try-it-signed-out">
        <Translate id="console.tryIt.signedOut">
          Sign in to the console to try this operation against one of your own sandbox apps.
        </Translate>{' '}
        <Link to="/console/sign-in">
          <Translate id="console.prompt.signIn">Sign in</Translate>
        </Link>
        {' · '}
        <Link to="/console/sign-up">
          <Translate id="console.prompt.signUp">Create an account</Translate>
        </Link>
      </div>
    )
  return <Panel {...props} />
}

export default function TryIt({
  operationId,
  encrypted,
  method,
  examples,
}: {
  operationId: string
  encrypted: boolean
  method: string
  examples: TryItExample[]
}) {
  const heading = useId()
  const browser = method.toLowerCase() !== 'post'
  return (
    <section className={styles.tryIt} aria-labelledby={heading} data-testid="try-it">
      <h2 id={heading} className={styles.tryItHeading}>
        <Translate id="console.tryIt.heading">Try it against your sandbox app</Translate>
      </h2>
      {!browser && (
        <p className={styles.meaning}>
          <Translate id="console.tryIt.intro">
            The sandbox calls this operation as your app: it signs the request with the app's client secret,
            encrypts it with the app's content key and shows what went over the wire and the decrypted answer.
            The call appears in the app's request inspector like any other.
          </Translate>
        </p>
      )}
      <SessionProvider>
        <Gate operationId={operationId} encrypted={encrypted} browser={browser} examples={examples} />
      </SessionProvider>
    </section>
  )
}
