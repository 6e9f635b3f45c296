/** A platform call as the sandbox saw it: result, timing, headers (signature masked), the string signed, the decrypted request and response. */
import Translate, { translate } from '@docusaurus/Translate'
import { formatHkTime } from '../../hk-time'
import { Badge, Json, TitledJson } from '../../shared/feedback'
import { Fact } from '../../shared/Section'
import type { InspectorCall } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import styles from '../console.module.css'
import { codeTone } from './badges'
import Summary from './Summary'

export default function CallDetail({ call }: { call: InspectorCall }) {
  return (
    <>
      <Summary
        result={
          <>
            <Badge tone={codeTone(call.code)}>{call.code}</Badge> {call.message} (HTTP {call.status})
          </>
        }
        idTerm="txID"
        id={call.txID}
        time={
          <>
            {formatHkTime(call.at)} · {call.durationMs.toFixed(1)} ms
            {call.clockOffsetMs
              ? ` · ${translate({ id: 'console.inspector.clockAhead', message: 'test clock {ms} ms ahead' }, { ms: call.clockOffsetMs })}`
              : ''}
          </>
        }
        diagnosis={call.diagnosis}
      >
        {call.detail && (
          <Fact term={<Translate id="console.inspector.detail">Platform's reason</Translate>}>
            {call.detail}
          </Fact>
        )}
        {call.forced && (
          <Fact term={<Translate id="console.inspector.forced">Forced by</Translate>}>
            <Translate id="console.inspector.scenario" values={{ id: <code>{call.forced.scenarioId}</code> }}>
              {'scenario {id}'}
            </Translate>
          </Fact>
        )}
      </Summary>
      <h3>
        <Translate id="console.inspector.headers">Headers</Translate>
      </h3>
      <div className={ui.tableWrap}>
        <table className={ui.table}>
          <tbody>
            {Object.entries(call.headers).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">
                  <code>{k}</code>
                </th>
                <td className={styles.secret}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {call.stringToSign && (
        <>
          <h3>
            <Translate id="console.inspector.stringToSign">String signed by the platform</Translate>
          </h3>
          <p className={ui.hint}>
            {translate(
              {
                id: 'console.inspector.stringToSign.facts',
                message: '{length} characters · SHA-256 {sha256}{truncated}',
              },
              {
                length: call.stringToSign.length,
                sha256: call.stringToSign.sha256,
                truncated: call.stringToSign.truncated
                  ? translate({ id: 'console.inspector.truncated', message: ' · cut at 2048 characters' })
                  : '',
              },
            )}
          </p>
          <Json
            value={call.stringToSign.text}
            label={translate({
              id: 'console.inspector.stringToSign',
              message: 'String signed by the platform',
            })}
          />
        </>
      )}
      <TitledJson
        title={translate({ id: 'console.inspector.request', message: 'Request (decrypted)' })}
        value={call.request}
      />
      <TitledJson
        title={translate({ id: 'console.inspector.response', message: 'Response (decrypted)' })}
        value={call.response}
      />
    </>
  )
}
