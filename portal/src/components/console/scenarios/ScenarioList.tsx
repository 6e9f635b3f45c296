/** An app's queued scenarios: queueing one, listing them, deleting one or all. */
import Translate from '@docusaurus/Translate'
import { useState } from 'react'
import { formatHkTime } from '../../hk-time'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert, Loading } from '../../shared/feedback'
import { useLoad } from '../../shared/hooks'
import { Section } from '../../shared/Section'
import { Table } from '../../shared/Table'
import type { App } from '../../shared/types'
import NewScenario from './NewScenario'

export default function ScenarioList({ app }: { app: App }) {
  const path = { clientID: app.clientID }
  const list = useLoad(
    async () => (await unwrap(sandboxApi.GET('/apps/{clientID}/scenarios', { params: { path } }))).items,
    [app.clientID],
  )
  const [error, setError] = useState<unknown>()
  const act = async (what: () => Promise<unknown>) => {
    try {
      await what()
      setError(undefined)
    } catch (e) {
      setError(e)
    }
    await list.reload()
  }
  return (
    <>
      <NewScenario app={app} onCreated={() => void list.reload()} />
      <Section id="queued" title={<Translate id="console.scenarios.queued">Queued scenarios</Translate>}>
        <ErrorAlert error={error ?? list.error} />
        {!list.data && <Loading />}
        {list.data?.length === 0 && (
          <p>
            <Translate id="console.scenarios.none">
              None: the app's calls run normally. A scenario disappears when it is used up.
            </Translate>
          </p>
        )}
        {list.data && list.data.length > 0 && (
          <>
            <Table
              columns={[
                <Translate id="console.scenarios.operation">Operation</Translate>,
                <Translate id="console.scenarios.fault">What to force</Translate>,
                <Translate id="console.scenarios.remaining">Uses left</Translate>,
                <Translate id="console.scenarios.created">Queued at</Translate>,
                <Translate id="console.org.col.actions">Actions</Translate>,
              ]}
            >
              {list.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <code>{s.operationId}</code>
                  </td>
                  <td>
                    {[
                      s.dcode,
                      s.delayMs !== undefined && `${s.delayMs} ms`,
                      s.callback && `callback ${s.callback}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>
                    {s.remaining} / {s.times}
                  </td>
                  <td>{formatHkTime(s.createdAt)}</td>
                  <td>
                    <ActionButton
                      className="button--danger button--outline button--sm"
                      onClick={() =>
                        act(() =>
                          unwrap(
                            sandboxApi.DELETE('/apps/{clientID}/scenarios/{scenarioId}', {
                              params: { path: { ...path, scenarioId: s.id } },
                            }),
                          ),
                        )
                      }
                    >
                      <Translate id="console.delete">Delete</Translate>
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </Table>
            <ActionButton
              className="button--danger button--outline"
              onClick={() =>
                act(() => unwrap(sandboxApi.DELETE('/apps/{clientID}/scenarios', { params: { path } })))
              }
            >
              <Translate id="console.scenarios.deleteAll">Delete all scenarios</Translate>
            </ActionButton>
          </>
        )}
      </Section>
    </>
  )
}
