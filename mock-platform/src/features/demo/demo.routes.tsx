/**
 * The sample e-Service at /demo: the return page where demo logins land (code / error_code / state), its "Exchange
 * this code" step (the back end's getToken, shown as signed requests, answers and the decrypted token), and a
 * callback sink.
 */
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { readForm, readJson } from '../../http/body'
import { langOf, t } from '../../views/i18n'
import { renderPage } from '../../views/layout'
import { type DemoSecrets, type ExchangeResult, exchangeCode } from './demo-exchange'

export interface ReceivedCallback {
  at: number
  body: unknown
}

export interface DemoOptions {
  /** The demo app's credentials: the exchange step is offered only with them. */
  secrets?: DemoSecrets
  /** The sandbox's public base URL (for the code shown). */
  baseUrl: () => string
  /** The platform itself, in-process (createApp's fetch). */
  send: (req: Request) => Promise<Response>
}

const pretty = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

const PRE =
  'white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f7f6;padding:8px;border-radius:6px;font-size:13px'

function sampleCode(o: { baseUrl: string; clientID: string; keyPath?: string; code: string }): string {
  return `import { readFileSync } from 'node:fs'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'

const client = createIamSmartClient({
  baseUrl: '${o.baseUrl}/api/v1',
  clientID: '${o.clientID}',
  clientSecret: process.env.IAMSMART_CLIENT_SECRET!, // the demo app's clientSecret, printed by npm start
  kekPrivateKeys: [readFileSync('${o.keyPath ?? '<the KEK private key path printed by npm start>'}', 'utf8')],
})
// getKey (the content key) happens inside the client; then the signed, encrypted getToken:
const token = await client.getToken({ code: '${o.code}', grantType: 'authorization_code' })
if (!token.ok) throw new Error(JSON.stringify(token.error))
console.log(token.data.openID, token.data.accessToken)`
}

function ExchangeView(props: { result: ExchangeResult; code: string; sample: string }) {
  const { result } = props
  return (
    <div class={`card${result.ok ? '' : ' error'}`} data-testid="demo-exchange">
      <h1>{result.ok ? 'Code exchanged: the resident is logged in' : 'The exchange failed'}</h1>
      <p class="muted">
        What the sample e-Service's back end just did with the code, as your back end will: each request is
        signed with the client secret (HMAC-SHA256) and its body encrypted with the content key from getKey.
      </p>
      {result.exchanges.map((x, i) => (
        <section data-testid={`demo-exchange-call-${i}`}>
          <h2>
            {i + 1}. {x.method} {new URL(x.url).pathname} → HTTP {x.status}
          </h2>
          <p class="muted">Signed request: headers and body</p>
          <pre style={PRE}>
            {Object.entries(x.headers)
              .filter(([k]) =>
                ['clientid', 'signaturemethod', 'timestamp', 'nonce', 'signature', 'content-type'].includes(
                  k,
                ),
              )
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n')}
            {`\n\n${pretty(x.body)}`}
          </pre>
          <p class="muted">Answer (the envelope; content still encrypted)</p>
          <pre style={PRE}>{pretty(x.response)}</pre>
        </section>
      ))}
      <h2>{result.ok ? 'Decrypted token' : 'Result'}</h2>
      <pre style={PRE} data-testid="demo-token">
        {JSON.stringify(result.result, null, 2)}
      </pre>
      <h2>The code that does it</h2>
      <pre style={PRE} data-testid="demo-sample-code">
        {props.sample}
      </pre>
      <p>
        <a href="/docs/getting-started">Getting started</a> ·{' '}
        <a href="/console/inspector">Request inspector</a>
      </p>
    </div>
  )
}

export function demoRoutes(received: ReceivedCallback[], now: () => number, o?: DemoOptions): Hono {
  const r = new Hono()
  r.get('/callback', (c) => {
    const lang = langOf(c.req.query('lang'))
    const code = c.req.query('code')
    const errorCode = c.req.query('error_code')
    return renderPage(
      c,
      { lang, title: 'Sample e-Service' },
      <div class={`card${errorCode ? ' error' : ''}`} data-testid="demo-callback">
        <h1>Sample e-Service: back from iAM Smart</h1>
        <dl>
          <dt>code</dt>
          <dd data-testid="demo-code">{code ?? '—'}</dd>
          <dt>error_code</dt>
          <dd data-testid="demo-error-code">{errorCode ?? '—'}</dd>
          <dt>state</dt>
          <dd data-testid="demo-state">{c.req.query('state') ?? '—'}</dd>
        </dl>
        <p class="muted">
          {code
            ? 'Your back end now calls auth/getToken with this code (single use, valid 120 s).'
            : errorCode
              ? 'The resident did not authorise. Show a friendly message and offer to try again.'
              : t(lang).done}
        </p>
        {code && o?.secrets ? (
          <form method="post" action="/demo/exchange">
            <input type="hidden" name="code" value={code} />
            <button class="btn" type="submit" data-testid="demo-exchange-button">
              Exchange this code
            </button>{' '}
            <span class="muted">
              as the demo app's back end would: signed getKey and getToken, decrypted.
            </span>
          </form>
        ) : null}
      </div>,
    )
  })
  // Cross-site form posts to the exchange are refused (403), as on the virtual app.
  const sameOrigin = csrf()
  r.post('/exchange', async (c, next) => {
    try {
      return await sameOrigin(c, next)
    } catch (e) {
      if (e instanceof HTTPException && e.status === 403) return c.text('Cross-site form post refused', 403)
      throw e
    }
  })
  r.post('/exchange', async (c) => {
    const form = await readForm(c)
    const code = typeof form.code === 'string' ? form.code.trim().slice(0, 256) : ''
    if (!o?.secrets || !code) return c.text('Nothing to exchange: log in with the demo app first.', 400)
    const result = await exchangeCode(o.secrets, o.baseUrl(), code, o.send)
    const sample = sampleCode({
      baseUrl: o.baseUrl(),
      clientID: o.secrets.clientID,
      keyPath: o.secrets.kekPrivateKeyPath,
      code,
    })
    return renderPage(
      c,
      { lang: 'en-US', title: 'Sample e-Service: exchange' },
      <ExchangeView result={result} code={code} sample={sample} />,
    )
  })
  /** Callbacks are JSON: 415/400 otherwise; each body is under the body limit (app.ts) and only the last 100 are kept. */
  r.post('/callback', async (c) => {
    const body = await readJson(c)
    received.push({ at: now(), body })
    if (received.length > 100) received.shift()
    return c.body(null, 200)
  })
  return r
}
