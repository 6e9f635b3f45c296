/** A callback as the sandbox sent it: its state, each try, the decrypted content, and a replay. */
import Translate, { translate } from '@docusaurus/Translate'
import { formatHkTime } from '../../hk-time'
import { ActionButton, ErrorAlert, Notice, TitledJson } from '../../shared/feedback'
import { Fact } from '../../shared/Section'
import { Table } from '../../shared/Table'
import type { App, InspectorCallback } from '../../shared/types'
import { CallbackStateBadge } from './badges'
import Summary from './Summary'
import { useReplay } from './replay'

export default function CallbackDetail({ cb, app }: { cb: InspectorCallback; app: App }) {
  const { message, error, replay } = useReplay(app, cb.id)
  return (
    <>
      <Summary
        result={
          <>
            <CallbackStateBadge state={cb.state} /> {cb.code}
          </>
        }
        idTerm="URL"
        id={cb.url}
        time={formatHkTime(cb.at)}
        diagnosis={cb.diagnosis}
      >
        {cb.replayOf && (
          <Fact term={<Translate id="console.inspector.replayOf">Replay of</Translate>}>
            <code>{cb.replayOf}</code>
          </Fact>
        )}
      </Summary>
      <h3>
        <Translate id="console.inspector.attempts">Tries</Translate>
      </h3>
      <Table
        columns={[
          <Translate id="console.inspector.col.time">Time</Translate>,
          'HTTP',
          <Translate id="console.inspector.col.duration">Duration</Translate>,
          <Translate id="console.inspector.col.error">Error</Translate>,
        ]}
      >
        {cb.attempts.map((a, i) => (
          <tr key={i}>
            <td>{formatHkTime(a.at)}</td>
            <td>{a.status ?? '—'}</td>
            <td>{a.durationMs.toFixed(1)} ms</td>
            <td>{a.error ?? '—'}</td>
          </tr>
        ))}
      </Table>
      <TitledJson
        title={translate({ id: 'console.inspector.content', message: 'Content (decrypted)' })}
        value={cb.content}
      />
      <ErrorAlert error={error} />
      {message && <Notice>{message}</Notice>}
      <ActionButton
        className={cb.state === 'failed' ? 'button--primary' : 'button--secondary'}
        onClick={replay}
      >
        <Translate id="console.inspector.replay">Replay this callback</Translate>
      </ActionButton>
    </>
  )
}
