/**
 * "Try it against your sandbox app" on each API reference page of a platform operation: with the console session,
 * the reader picks one of their apps, edits the request JSON (pre-filled from the spec example's `x-plaintext`) and
 * sends it. The sandbox signs and encrypts it as the app (POST /sandbox/v1/apps/{clientID}/try, decision 0016) and
 * answers the transcript, shown here: each exchange as sent and received, the decrypted answer, and a link to the
 * call in the request inspector. getQR is the resident's browser navigation: it gets a link instead.
 */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import { useEffect, useId, useState } from 'react'
import { sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Json, Loading } from '../shared/feedback'
import { SelectField, TextAreaField } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import { apiLang } from '../shared/lang'
import { SessionProvider, useSession } from '../shared/session'
import type { App, Schemas } from '../shared/types'
import styles from './api.module.css'

export interface TryItExample {
  summary: string
  value: unknown
}

type TryItResult = Schemas['TryItResult']
type TryOperation = Schemas['TryItRequest']['operation']

/** The app the reader last tried with, kept across reference pages. */
const APP_KEY = 'iamsmart-sandbox.tryIt.app'

function rememberedApp(): string | undefined {
  try {
    return window.localStorage.getItem(APP_KEY) ?? undefined
  } catch {
    return undefined
  }
}

function remember(clientID: string): void {
  try {
    window.localStorage.setItem(APP_KEY, clientID)
  } catch {}
}

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2)

/** The request JSON of the text area: an object, or what is wrong with it. */
function parseRequest(text: string): { value?: Record<string, unknown>; error?: string } {
  let value: unknown
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text)
  } catch (e) {
    return {
      error: translate(
        { id: 'console.tryIt.json.invalid', message: 'This is not valid JSON: {reason}' },
        { reason: (e as Error).message },
      ),
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      error: translate({
        id: 'console.tryIt.json.notObject',
        message: 'The request must be a JSON object ({ … }).',
      }),
    }
  return { value: value as Record<string, unknown> }
}

function requestText(x: TryItResult['exchanges'][number]): string {
  const headers = Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`)
  return [`${x.request.method} ${x.request.url}`, ...headers, '', x.request.body].join('\n')
}

function responseText(x: TryItResult['exchanges'][number]): string {
  const headers = Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`)
  return [`HTTP ${x.response.status}`, ...headers, '', x.response.body].join('\n')
}

function CekNote({ result }: { result: TryItResult }) {
  if (result.operation === 'getKey' && result.code === 'D00000')
    return (
      <p className={styles.meaning}>
        <Translate id="console.tryIt.cek.wrapped">
          The secretKey in the answer is the new content key wrapped under your app's KEK public key: only
          your server's KEK private key unwraps it.
        </Translate>
      </p>
    )
  if (result.cek.source === 'current')
    return (
      <p className={styles.meaning}>
        <Translate id="console.tryIt.cek.current">
          Content key: the app's current CEK, taken from the sandbox's own key service. Your server holds the
          same key by unwrapping getKey's secretKey with its KEK private key, which the sandbox does not have.
        </Translate>
      </p>
    )
  if (result.cek.source === 'getKey')
    return (
      <p className={styles.meaning}>
        <Translate id="console.tryIt.cek.getKey">
          Content key: the app had no valid CEK, so the sandbox called getKey as the app first (the first
          exchange below) and used the key it issued, from its own key service. Your server unwraps getKey's
          secretKey with its KEK private key instead.
        </Translate>
      </p>
    )
  return null
}

function Transcript({ result, encrypted }: { result: TryItResult; encrypted: boolean }) {
  const inspector = useBaseUrl('/console/inspector')
  const ok = result.code === 'D00000'
  const link = `${inspector}?app=${encodeURIComponent(result.clientID)}${
    result.txID ? `&tx=${encodeURIComponent(result.txID)}` : ''
  }`
  return (
    <div className={styles.transcript} data-testid="try-it-result">
      <h3>
        <Translate id="console.tryIt.result">Result</Translate>
      </h3>
      <p className={styles.badges} role="status">
        <Badge tone={ok ? 'ok' : 'error'}>{result.code ?? '—'}</Badge>
        <span>{result.message}</span>
        {result.txID && (
          <span>
            txID <code data-testid="try-it-txid">{result.txID}</code>
          </span>
        )}
      </p>
      {!result.sent && (
        <p>
          <Translate id="console.tryIt.notSent" values={{ code: <code>{result.code}</code> }}>
            {'The operation was not sent: the getKey before it answered {code}.'}
          </Translate>
        </p>
      )}
      <p>
        <a href={link} data-testid="try-it-inspector">
          <Translate id="console.tryIt.inspector">Open this call in the request inspector</Translate>
        </a>
      </p>
      <CekNote result={result} />
      <h4>
        {encrypted ? (
          <Translate id="console.tryIt.content.decrypted">Response content, decrypted</Translate>
        ) : (
          <Translate id="console.tryIt.content.plain">Response content</Translate>
        )}
      </h4>
      <div data-testid="try-it-content">
        <Json
          value={result.content}
          label={translate({ id: 'console.tryIt.content.label', message: 'Response content' })}
        />
      </div>
      <h4>
        <Translate id="console.tryIt.plaintext">Request before encryption</Translate>
      </h4>
      <Json
        value={result.plaintext}
        label={translate({ id: 'console.tryIt.plaintext', message: 'Request before encryption' })}
      />
      {result.exchanges.map((x, i) => (
        <section key={i} data-testid={`try-it-exchange-${i}`} className={styles.exchange}>
          <h4>
            {`${i + 1}. ${x.request.method} ${new URL(x.request.url).pathname} → HTTP ${x.response.status} · ${x.code ?? '—'}`}
          </h4>
          <p className={styles.meaning}>
            <Translate id="console.tryIt.sent">Signed request, as sent (headers and body)</Translate>
          </p>
          <Json
            value={requestText(x)}
            label={translate(
              { id: 'console.tryIt.sent.label', message: 'Request {n} as sent' },
              { n: String(i + 1) },
            )}
          />
          <p className={styles.meaning}>
            <Translate id="console.tryIt.received">Response, as received (content still encrypted)</Translate>
          </p>
          <Json
            value={responseText(x)}
            label={translate(
              { id: 'console.tryIt.received.label', message: 'Response {n} as received' },
              { n: String(i + 1) },
            )}
          />
        </section>
      ))}
    </div>
  )
}

/** getQR: no signed call; a link to open it in this browser for the chosen app. */
function GetQrLink({ app }: { app: App }) {
  const redirectURI = app.redirectURIs[0]
  if (!redirectURI)
    return (
      <p>
        <Translate id="console.tryIt.getQr.noRedirect">
          Register a redirect URI for this app first: getQR returns the browser there.
        </Translate>{' '}
        <Link to={`/console/app?app=${app.clientID}`}>
          <Translate id="console.tryIt.appSettings">Open the app's settings</Translate>
        </Link>
      </p>
    )
  const lang = { en: 'en-US', 'zh-Hant': 'zh-HK', 'zh-Hans': 'zh-CN' }[apiLang()]
  const q = new URLSearchParams({
    clientID: app.clientID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI,
    scope: 'eidapi_auth',
    state: 'try-it',
    lang,
  })
  return (
    <p>
      <a href={`/api/v1/auth/getQR?${q}`} data-testid="try-it-getqr">
        <Translate id="console.tryIt.getQr.open" values={{ app: app.name }}>
          {'Open getQR for {app}'}
        </Translate>
      </a>
    </p>
  )
}

function Panel({
  operationId,
  encrypted,
  browser,
  examples,
}: {
  operationId: string
  encrypted: boolean
  browser: boolean
  examples: TryItExample[]
}) {
  const { data: apps, error: appsError } = useLoad(
    async () => (await unwrap(sandboxApi.GET('/apps', {}))).items,
    [],
  )
  const [clientID, setClientID] = useState<string>('')
  const [example, setExample] = useState(0)
  const [text, setText] = useState(() => pretty(examples[0]?.value))
  const [touched, setTouched] = useState(false)
  const [result, setResult] = useState<TryItResult>()
  const [error, setError] = useState<unknown>()

  useEffect(() => {
    if (!apps || clientID) return
    const kept = rememberedApp()
    const chosen = apps.find((a) => a.clientID === kept) ?? (apps.length === 1 ? apps[0] : undefined)
    if (chosen) setClientID(chosen.clientID)
  }, [apps, clientID])

  if (appsError) return <ErrorAlert error={appsError} />
  if (!apps) return <Loading />
  if (apps.length === 0)
    return (
      <div className="alert alert--info" role="status">
        <Translate id="console.picker.none">Your organisation has no app yet.</Translate>{' '}
        <Link to="/console/apps">
          <Translate id="console.picker.create">Create an app</Translate>
        </Link>
      </div>
    )
  const app = apps.find((a) => a.clientID === clientID)
  const parsed = parseRequest(text)
  const noKek = app && !app.kekPublicKeys.A && !app.kekPublicKeys.B && (encrypted || operationId === 'getKey')

  const send = async () => {
    setTouched(true)
    if (!app || !parsed.value) return
    setError(undefined)
    setResult(undefined)
    try {
      setResult(
        await unwrap(
          sandboxApi.POST('/apps/{clientID}/try', {
            params: { path: { clientID: app.clientID } },
            body: { operation: operationId as TryOperation, body: parsed.value },
          }),
        ),
      )
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void send()
      }}
      noValidate
    >
      <SelectField
        label={translate({ id: 'console.picker.label', message: 'App' })}
        value={clientID}
        onChange={(e) => {
          setClientID(e.target.value)
          if (e.target.value) remember(e.target.value)
          setResult(undefined)
          setError(undefined)
        }}
        options={[
          ['', translate({ id: 'console.picker.choose', message: 'Choose an app…' })],
          ...apps.map((a) => [a.clientID, `${a.name} (${a.clientID.slice(0, 8)}…)`] as const),
        ]}
      />
      {noKek && (
        <div className="alert alert--warning margin-bottom--md" role="status">
          <Translate id="console.tryIt.noKek">
            This app has no KEK public key yet, so getKey will answer D30001 and no content key exists.
          </Translate>{' '}
          <Link to={`/console/app?app=${app.clientID}`}>
            <Translate id="console.tryIt.appSettings">Open the app's settings</Translate>
          </Link>
        </div>
      )}
      {browser ? (
        <>
          <p>
            <Translate id="console.tryIt.getQr">
              getQR is opened by the resident's browser, not signed by your server: open it here with your
              app's first redirect URI, or add the headless headers in a test.
            </Translate>
          </p>
          {app && <GetQrLink app={app} />}
        </>
      ) : (
        <>
          {examples.length > 1 && (
            <SelectField
              label={translate({ id: 'console.tryIt.example', message: 'Example' })}
              value={String(example)}
              onChange={(e) => {
                const i = Number(e.target.value)
                setExample(i)
                setText(pretty(examples[i]?.value))
              }}
              options={examples.map((x, i) => [String(i), x.summary] as const)}
            />
          )}
          <TextAreaField
            label={
              encrypted
                ? translate({
                    id: 'console.tryIt.request.encrypted',
                    message: 'Request JSON, before encryption',
                  })
                : translate({ id: 'console.tryIt.request.plain', message: 'Request JSON' })
            }
            hint={translate({
              id: 'console.tryIt.request.hint',
              message:
                'Pre-filled from the example. Put in your own values (codes, tokens, openIDs, ticket ids): the platform checks them as it would for your server.',
            })}
            error={touched ? parsed.error : undefined}
            rows={Math.min(16, Math.max(4, text.split('\n').length + 1))}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(true)}
            data-testid="try-it-request"
          />
          <div className={styles.tryButtons}>
            <ActionButton onClick={send} disabled={!app}>
              <Translate id="console.tryIt.send">Sign, encrypt and send</Translate>
            </ActionButton>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setText(pretty(examples[example]?.value))
                setTouched(false)
              }}
            >
              <Translate id="console.tryIt.reset">Reset to the example</Translate>
            </button>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
      {result && <Transcript result={result} encrypted={encrypted} />}
    </form>
  )
}

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
