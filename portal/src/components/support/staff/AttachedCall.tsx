/** A platform call attached to an enquiry, as the request inspector showed it: result, diagnosis, headers. */
import Translate from '@docusaurus/Translate'
import { formatHkMinutes } from '../../hk-time'
import type { AttachedItem } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import styles from '../support.module.css'

export function AttachedCall({ item }: { item: AttachedItem }) {
  if (item.kind !== 'call')
    return (
      <li className={ui.panel}>
        <Translate id="support.attachedCallback" values={{ txID: item.txID }}>
          {'Callback {txID}'}
        </Translate>
      </li>
    )
  const c = item
  return (
    <li className={ui.panel} data-testid="attached-call">
      <p>
        <code className={styles.breach}>{c.code}</code>{' '}
        <Translate id="support.operation">Operation</Translate>: <strong>{c.operationId}</strong> · HTTP{' '}
        {c.status} · {formatHkMinutes(c.at)} · txID <code>{c.txID}</code>
      </p>
      <p>{c.message}</p>
      {c.diagnosis.length > 0 && (
        <div>
          <strong>
            <Translate id="support.diagnosis">Diagnosis</Translate>
          </strong>
          <ul>
            {c.diagnosis.map((d) => (
              <li key={d.id}>
                <strong>{d.title}</strong> — {d.detail}
                <br />
                <Translate id="support.fix">Fix</Translate>: {d.fix} {d.link && <a href={d.link}>{d.link}</a>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>
          <Translate id="console.inspector.headers">Headers</Translate>
        </summary>
        <pre className={styles.pre}>{JSON.stringify(c.headers, null, 2)}</pre>
        {c.stringToSign && <pre className={styles.pre}>{c.stringToSign.text}</pre>}
      </details>
    </li>
  )
}
