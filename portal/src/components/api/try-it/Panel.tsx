/** The try-it form: the app, the request JSON (or getQR's link), sending it, and the transcript. */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import { useEffect, useState } from 'react'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert, Loading } from '../../shared/feedback'
import { SelectField, TextAreaField } from '../../shared/fields'
import { useLoad } from '../../shared/hooks'
import { apiLang } from '../../shared/lang'
import type { App } from '../../shared/types'
import styles from '../api.module.css'
import {
  parseRequest,
  pretty,
  remember,
  rememberedApp,
  type TryItExample,
  type TryItResult,
  type TryOperation,
} from './request'
import Transcript from './Transcript'
import { appOptions, NoApps } from '../../console/AppPicker'

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

export default function Panel({
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
  if (apps.length === 0) return <NoApps />
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
        options={appOptions(apps)}
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
