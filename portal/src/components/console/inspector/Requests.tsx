/** One app's calls and callbacks, newest first: filters, the live tail, refresh, export, and the record opened. */
import Translate, { translate } from '@docusaurus/Translate'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import clsx from 'clsx'
import { type FormEvent, useEffect, useState } from 'react'
import { formatHkTime, hkZone } from '../../hk-time'
import { SANDBOX_API, sandboxApi, unwrap } from '../../shared/api'
import { Badge, ErrorAlert, Loading } from '../../shared/feedback'
import { SelectField, TextField, useFields } from '../../shared/fields'
import { apiLang } from '../../shared/lang'
import { Table } from '../../shared/Table'
import type { App, InspectorItem } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import styles from '../console.module.css'
import { CallbackStateBadge, codeTone } from './badges'
import Detail from './Detail'
import { type Filter, matches, merge, NO_FILTER, queryOf, useLiveTail, versionOf } from './records'
import { RowReplay } from './replay'
import { OPERATIONS } from '../scenarios/operations'

export default function Requests({ app }: { app: App }) {
  const { values: draft, bind } = useFields<Filter>(NO_FILTER)
  const [filter, setFilter] = useState<Filter>(NO_FILTER)
  const [items, setItems] = useState<InspectorItem[]>()
  const [error, setError] = useState<unknown>()
  const [live, setLive] = useState(true)
  // `?tx=<txID>` (the API reference's try-it links here) opens that call at once.
  const [selected, setSelected] = useState<string | undefined>(() =>
    typeof window === 'undefined'
      ? undefined
      : (new URLSearchParams(window.location.search).get('tx') ?? undefined),
  )
  const [fresh, setFresh] = useState(0)

  useEffect(() => {
    let stale = false
    setItems(undefined)
    unwrap(
      sandboxApi.GET('/apps/{clientID}/requests', {
        params: { path: { clientID: app.clientID }, query: { ...queryOf(filter), limit: 100 } },
        headers: { 'Accept-Language': apiLang() },
      }),
    )
      .then((r) => {
        if (stale) return
        // Records the live tail delivered while the list loaded stay.
        setItems((now) => merge(r.items, now ?? []))
        setError(undefined)
      })
      .catch((e) => !stale && setError(e))
    return () => {
      stale = true
    }
  }, [app.clientID, filter, fresh])

  const state = useLiveTail(app.clientID, live, (item) => {
    if (!matches(item, filter)) return
    setItems((now) => merge([item], now ?? []))
  })

  const labels = {
    time: translate({ id: 'console.inspector.col.time', message: 'Time' }),
    operation: translate({ id: 'console.scenarios.operation', message: 'Operation' }),
    result: translate({ id: 'console.inspector.col.code', message: 'Result' }),
    diagnosis: translate({ id: 'console.inspector.diagnosis', message: 'Diagnosis' }),
  }
  const apply = (e?: FormEvent) => {
    e?.preventDefault()
    setFilter(draft)
  }
  const exportUrl = `${SANDBOX_API}/apps/${encodeURIComponent(app.clientID)}/requests/export?${new URLSearchParams({ ...queryOf(filter), lang: apiLang() })}`
  const liveLabel = {
    off: translate({ id: 'console.inspector.live.off', message: 'Live tail off' }),
    connecting: translate({ id: 'console.inspector.live.connecting', message: 'Connecting…' }),
    live: translate({ id: 'console.inspector.live.on', message: 'Live: new calls appear as they happen' }),
    retrying: translate({ id: 'console.inspector.live.retrying', message: 'Connection lost, retrying…' }),
  }[state]

  return (
    <>
      <form
        className={ui.formRow}
        onSubmit={apply}
        aria-label={translate({ id: 'console.inspector.filters', message: 'Filters' })}
      >
        <SelectField
          label={translate({ id: 'console.scenarios.operation', message: 'Operation' })}
          {...bind('operation')}
          none={translate({ id: 'console.inspector.any', message: 'Any' })}
          options={[
            ...OPERATIONS.map((o) => [o, o] as const),
            ['callback', translate({ id: 'console.inspector.callbacks', message: 'Callbacks' })],
          ]}
        />
        <SelectField
          label={translate({ id: 'console.inspector.col.code', message: 'Result' })}
          {...bind('code')}
          none={translate({ id: 'console.inspector.any', message: 'Any' })}
          options={[
            ['error', translate({ id: 'console.inspector.failures', message: 'Every failure' })],
            ...Object.keys(dCodes).map((c) => [c, c] as const),
          ]}
        />
        <TextField
          label={translate(
            { id: 'console.inspector.since.hk', message: 'Since ({zone})' },
            { zone: hkZone() },
          )}
          type="datetime-local"
          {...bind('since')}
        />
        <div className={ui.field}>
          <span aria-hidden="true">&nbsp;</span>
          <button type="submit" className="button button--primary">
            <Translate id="console.inspector.apply">Apply filters</Translate>
          </button>
        </div>
      </form>
      <div className={clsx(ui.buttons, 'margin-bottom--md')}>
        <span className={styles.live} role="status" data-testid="live-state">
          <span className={clsx(styles.liveDot, state === 'live' && styles.liveDotOn)} aria-hidden="true" />
          {liveLabel}
        </span>
        <button type="button" className="button button--secondary button--sm" onClick={() => setLive(!live)}>
          {live
            ? translate({ id: 'console.inspector.live.stop', message: 'Stop live tail' })
            : translate({ id: 'console.inspector.live.start', message: 'Start live tail' })}
        </button>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={() => setFresh(fresh + 1)}
        >
          <Translate id="console.inspector.refresh">Refresh</Translate>
        </button>
        <a className="button button--secondary button--sm" href={exportUrl} download>
          <Translate id="console.inspector.export">Export as JSON</Translate>
        </a>
      </div>
      <ErrorAlert error={error} />
      <div className={clsx(styles.inspector, selected && styles.inspectorSplit)}>
        <section aria-labelledby="calls">
          <h2 id="calls">
            <Translate id="console.inspector.calls">Calls and callbacks</Translate>
          </h2>
          {!items && !error && <Loading />}
          {items?.length === 0 && (
            <p>
              <Translate id="console.inspector.empty">
                Nothing yet. Run your code against the sandbox with this app's credentials: each call appears
                here.
              </Translate>
            </p>
          )}
          {items && items.length > 0 && (
            <Table
              className={styles.stackTable}
              testId="requests"
              columns={[
                <Translate id="console.inspector.col.time">Time</Translate>,
                <Translate id="console.scenarios.operation">Operation</Translate>,
                <Translate id="console.inspector.col.code">Result</Translate>,
                <Translate id="console.inspector.diagnosis">Diagnosis</Translate>,
              ]}
            >
              {items.map((item) => (
                <tr key={item.txID} className={item.txID === selected ? styles.selectedRow : undefined}>
                  <td className={styles.nowrap} data-label={labels.time}>
                    {formatHkTime(item.at)}
                  </td>
                  <td data-label={labels.operation}>
                    <button type="button" className={styles.rowButton} onClick={() => setSelected(item.txID)}>
                      {item.operationId}
                    </button>
                  </td>
                  <td data-label={labels.result}>
                    <Badge tone={codeTone(item.code)}>{item.code}</Badge>
                    {item.kind === 'callback' && (
                      <>
                        {' '}
                        <CallbackStateBadge state={item.state} />
                        {item.state === 'failed' && <RowReplay app={app} callbackId={item.txID} />}
                      </>
                    )}
                  </td>
                  <td className={styles.diagnosisCell} data-label={labels.diagnosis}>
                    {item.diagnosis[0]?.title ?? ''}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </section>
        {selected && (
          <Detail
            app={app}
            txID={selected}
            version={versionOf(items?.find((i) => i.txID === selected))}
            onClose={() => setSelected(undefined)}
          />
        )}
      </div>
    </>
  )
}
