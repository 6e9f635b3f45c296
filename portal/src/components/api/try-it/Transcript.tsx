/** The answer of a try: the result, where the content key came from, the decrypted content, each exchange as sent and received. */
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import type { ReactNode } from 'react'
import { Badge, Json } from '../../shared/feedback'
import styles from '../api.module.css'
import { requestText, responseText, type TryItResult } from './request'

/** Where the content key came from, when the try used one. */
function CekNote({ result }: { result: TryItResult }) {
  const note =
    result.operation === 'getKey' && result.code === 'D00000' ? (
      <Translate id="console.tryIt.cek.wrapped">
        The secretKey in the answer is the new content key wrapped under your app's KEK public key: only your
        server's KEK private key unwraps it.
      </Translate>
    ) : result.cek.source === 'current' ? (
      <Translate id="console.tryIt.cek.current">
        Content key: the app's current CEK, taken from the sandbox's own key service. Your server holds the
        same key by unwrapping getKey's secretKey with its KEK private key, which the sandbox does not have.
      </Translate>
    ) : result.cek.source === 'getKey' ? (
      <Translate id="console.tryIt.cek.getKey">
        Content key: the app had no valid CEK, so the sandbox called getKey as the app first (the first
        exchange below) and used the key it issued, from its own key service. Your server unwraps getKey's
        secretKey with its KEK private key instead.
      </Translate>
    ) : null
  return note && <p className={styles.meaning}>{note}</p>
}

/** One side of an exchange: what it is, then its text. */
function Side({ meaning, text, label }: { meaning: ReactNode; text: string; label: string }) {
  return (
    <>
      <p className={styles.meaning}>{meaning}</p>
      <Json value={text} label={label} />
    </>
  )
}

/** One HTTP exchange of the try: its request as sent, its response as received. */
function Exchange({ exchange: x, index }: { exchange: TryItResult['exchanges'][number]; index: number }) {
  const n = { n: String(index + 1) }
  return (
    <section data-testid={`try-it-exchange-${index}`} className={styles.exchange}>
      <h4>
        {`${index + 1}. ${x.request.method} ${new URL(x.request.url).pathname} → HTTP ${x.response.status} · ${x.code ?? '—'}`}
      </h4>
      <Side
        meaning={<Translate id="console.tryIt.sent">Signed request, as sent (headers and body)</Translate>}
        text={requestText(x)}
        label={translate({ id: 'console.tryIt.sent.label', message: 'Request {n} as sent' }, n)}
      />
      <Side
        meaning={
          <Translate id="console.tryIt.received">Response, as received (content still encrypted)</Translate>
        }
        text={responseText(x)}
        label={translate({ id: 'console.tryIt.received.label', message: 'Response {n} as received' }, n)}
      />
    </section>
  )
}

export default function Transcript({ result, encrypted }: { result: TryItResult; encrypted: boolean }) {
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
        <Exchange key={i} exchange={x} index={i} />
      ))}
    </div>
  )
}
