/**
 * The request inspector of one app: every platform call and callback as the sandbox saw it, newest first, filtered
 * by operation, D-code and time, followed live (Server-Sent Events on …/requests/stream). A call's detail shows the
 * headers (signature masked), the string the platform signed, the decrypted request and response (secrets masked)
 * and the diagnosis of a failure with its troubleshooting section; a callback's shows each try and can be replayed.
 * The list exports as JSON.
 */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import clsx from 'clsx'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { formatHkTime, hkInputToDate, hkZone } from '../hk-time'
import { SANDBOX_API, sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Json, Loading, Notice } from '../shared/feedback'
import { SelectField, TextField } from '../shared/fields'
import { apiLang } from '../shared/lang'
import type {
  App,
  InspectorCall,
  InspectorCallback,
  InspectorDiagnosis,
  InspectorItem,
} from '../shared/types'
import ui from '../shared/ui.module.css'
import { AppPicker, useChosenApp } from './AppPicker'
import styles from './console.module.css'
import { OPERATIONS } from './Scenarios'

type CallbackState = InspectorCallback['state']

/** A callback's state, translated, as a badge: delivered, still being tried, or failed after every try. */
export function CallbackStateBadge({ state }: { state: CallbackState }) {
  const label = {
    delivered: translate({ id: 'console.inspector.cb.delivered', message: 'delivered' }),
    pending: translate({ id: 'console.inspector.cb.pending', message: 'retrying' }),
    failed: translate({ id: 'console.inspector.cb.failed', message: 'failed' }),
  }[state]
  return <Badge tone={state === 'delivered' ? 'ok' : state === 'failed' ? 'error' : 'warning'}>{label}</Badge>
}

/** Sends a recorded callback again (a new transaction to the same URL); reports what happened. */
function useReplay(app: App, callbackId: string) {
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<unknown>()
  const replay = async () => {
    try {
      const r = await unwrap(
        sandboxApi.POST('/apps/{clientID}/callbacks/{callbackId}/replay', {
          params: { path: { clientID: app.clientID, callbackId } },
        }),
      )
      setError(undefined)
      setMessage(
        translate(
          { id: 'console.inspector.replayed', message: 'Sent again as callback {id}.' },
          { id: r.id },
        ),
      )
    } catch (e) {
      setError(e)
    }
  }
  return { message, error, replay }
}

interface Filter {
  operation: string
  code: string
  /** A datetime-local value, or ''. */
  since: string
}

const NO_FILTER: Filter = { operation: '', code: '', since: '' }

function queryOf(f: Filter): Record<string, string> {
  const since = hkInputToDate(f.since)
  return {
    ...(f.operation ? { operation: f.operation } : {}),
    ...(f.code ? { code: f.code } : {}),
    ...(since ? { since: since.toISOString() } : {}),
  }
}

function matches(item: InspectorItem, f: Filter): boolean {
  if (f.operation && item.operationId !== f.operation) return false
  if (f.code === 'error' && item.code === 'D00000') return false
  if (f.code && f.code !== 'error' && item.code !== f.code) return false
  const since = hkInputToDate(f.since)
  if (since && item.at < since.getTime()) return false
  return true
}

type LiveState = 'off' | 'connecting' | 'live' | 'retrying'

/** Follows the app's records with an EventSource while `on`; each new record goes to `onItem`. */
function useLiveTail(clientID: string, on: boolean, onItem: (item: InspectorItem) => void): LiveState {
  const [state, setState] = useState<LiveState>('off')
  const handler = useRef(onItem)
  handler.current = onItem
  useEffect(() => {
    if (!on) {
      setState('off')
      return
    }
    setState('connecting')
    const source = new EventSource(
      `${SANDBOX_API}/apps/${encodeURIComponent(clientID)}/requests/stream?lang=${apiLang()}`,
    )
    const receive = (e: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(e.data) as InspectorItem)
      } catch {}
    }
    source.addEventListener('ready', () => setState('live'))
    source.addEventListener('request', receive as EventListener)
    source.addEventListener('callback', receive as EventListener)
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'off' : 'retrying')
    return () => source.close()
  }, [clientID, on])
  return state
}

function codeTone(code: string) {
  return code === 'D00000' ? 'ok' : 'error'
}

function Diagnoses({ items }: { items: InspectorDiagnosis[] }) {
  if (items.length === 0)
    return (
      <p>
        <Badge tone="ok">{translate({ id: 'console.inspector.clean', message: 'No problem found' })}</Badge>
      </p>
    )
  return (
    <>
      {items.map((d, i) => (
        <div key={`${d.id}-${i}`} className={clsx(styles.diagnosis, styles[`diagnosis_${d.severity}`])}>
          <p className="margin-bottom--sm">
            <Badge tone={d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'neutral'}>
              {d.severity === 'error'
                ? translate({ id: 'console.inspector.severity.error', message: 'error' })
                : d.severity === 'warning'
                  ? translate({ id: 'console.inspector.severity.warning', message: 'warning' })
                  : translate({ id: 'console.inspector.severity.info', message: 'info' })}
            </Badge>{' '}
            <strong>{d.title}</strong>
          </p>
          <p className="margin-bottom--sm">{d.detail}</p>
          <p className="margin-bottom--sm">
            <strong>
              <Translate id="console.inspector.fix">Fix:</Translate>
            </strong>{' '}
            {d.fix}
          </p>
          <Link to={d.link}>
            <Translate id="console.inspector.troubleshooting" values={{ id: <code>{d.id}</code> }}>
              {'Troubleshooting: {id}'}
            </Translate>
          </Link>
        </div>
      ))}
    </>
  )
}

function CallDetail({ call }: { call: InspectorCall }) {
  return (
    <>
      <dl className={styles.kv}>
        <dt>
          <Translate id="console.inspector.col.code">Result</Translate>
        </dt>
        <dd>
          <Badge tone={codeTone(call.code)}>{call.code}</Badge> {call.message} (HTTP {call.status})
        </dd>
        <dt>txID</dt>
        <dd>
          <code>{call.txID}</code>
        </dd>
        <dt>
          <Translate id="console.inspector.col.time">Time</Translate>
        </dt>
        <dd>
          {formatHkTime(call.at)} · {call.durationMs.toFixed(1)} ms
          {call.clockOffsetMs
            ? ` · ${translate({ id: 'console.inspector.clockAhead', message: 'test clock {ms} ms ahead' }, { ms: call.clockOffsetMs })}`
            : ''}
        </dd>
        {call.detail && (
          <>
            <dt>
              <Translate id="console.inspector.detail">Platform's reason</Translate>
            </dt>
            <dd>{call.detail}</dd>
          </>
        )}
        {call.forced && (
          <>
            <dt>
              <Translate id="console.inspector.forced">Forced by</Translate>
            </dt>
            <dd>
              <Translate
                id="console.inspector.scenario"
                values={{ id: <code>{call.forced.scenarioId}</code> }}
              >
                {'scenario {id}'}
              </Translate>
            </dd>
          </>
        )}
      </dl>
      <h3>
        <Translate id="console.inspector.diagnosis">Diagnosis</Translate>
      </h3>
      <Diagnoses items={call.diagnosis} />
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
      <h3>
        <Translate id="console.inspector.request">Request (decrypted)</Translate>
      </h3>
      <Json
        value={call.request}
        label={translate({ id: 'console.inspector.request', message: 'Request (decrypted)' })}
      />
      <h3>
        <Translate id="console.inspector.response">Response (decrypted)</Translate>
      </h3>
      <Json
        value={call.response}
        label={translate({ id: 'console.inspector.response', message: 'Response (decrypted)' })}
      />
    </>
  )
}

function CallbackDetail({ cb, app }: { cb: InspectorCallback; app: App }) {
  const { message, error, replay } = useReplay(app, cb.id)
  return (
    <>
      <dl className={styles.kv}>
        <dt>
          <Translate id="console.inspector.col.code">Result</Translate>
        </dt>
        <dd>
          <CallbackStateBadge state={cb.state} /> {cb.code}
        </dd>
        <dt>URL</dt>
        <dd>
          <code>{cb.url}</code>
        </dd>
        <dt>
          <Translate id="console.inspector.col.time">Time</Translate>
        </dt>
        <dd>{formatHkTime(cb.at)}</dd>
        {cb.replayOf && (
          <>
            <dt>
              <Translate id="console.inspector.replayOf">Replay of</Translate>
            </dt>
            <dd>
              <code>{cb.replayOf}</code>
            </dd>
          </>
        )}
      </dl>
      <h3>
        <Translate id="console.inspector.diagnosis">Diagnosis</Translate>
      </h3>
      <Diagnoses items={cb.diagnosis} />
      <h3>
        <Translate id="console.inspector.attempts">Tries</Translate>
      </h3>
      <div className={ui.tableWrap}>
        <table className={ui.table}>
          <thead>
            <tr>
              <th scope="col">
                <Translate id="console.inspector.col.time">Time</Translate>
              </th>
              <th scope="col">HTTP</th>
              <th scope="col">
                <Translate id="console.inspector.col.duration">Duration</Translate>
              </th>
              <th scope="col">
                <Translate id="console.inspector.col.error">Error</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {cb.attempts.map((a, i) => (
              <tr key={i}>
                <td>{formatHkTime(a.at)}</td>
                <td>{a.status ?? '—'}</td>
                <td>{a.durationMs.toFixed(1)} ms</td>
                <td>{a.error ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>
        <Translate id="console.inspector.content">Content (decrypted)</Translate>
      </h3>
      <Json
        value={cb.content}
        label={translate({ id: 'console.inspector.content', message: 'Content (decrypted)' })}
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

function Detail({
  app,
  txID,
  version,
  onClose,
}: {
  app: App
  txID: string
  /** Changes when the live tail brings a newer copy of this record (a callback that finished). */
  version: string
  onClose(): void
}) {
  const [item, setItem] = useState<InspectorItem>()
  const [error, setError] = useState<unknown>()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    setItem(undefined)
    heading.current?.focus()
  }, [txID])
  useEffect(() => {
    unwrap(
      sandboxApi.GET('/apps/{clientID}/requests/{txID}', {
        params: { path: { clientID: app.clientID, txID } },
        headers: { 'Accept-Language': apiLang() },
      }),
    )
      .then((x) => {
        setItem(x)
        setError(undefined)
      })
      .catch(setError)
  }, [app.clientID, txID, version])
  return (
    <section className={ui.panel} aria-labelledby="request-detail" data-testid="request-detail">
      <h2 id="request-detail" ref={heading} tabIndex={-1}>
        {item ? item.operationId : txID}
      </h2>
      <button
        type="button"
        className="button button--secondary button--sm margin-bottom--md"
        onClick={onClose}
      >
        <Translate id="console.close">Close</Translate>
      </button>
      <ErrorAlert error={error} />
      {!item && !error && <Loading />}
      {item?.kind === 'call' && <CallDetail call={item} />}
      {item?.kind === 'callback' && <CallbackDetail cb={item} app={app} />}
    </section>
  )
}

function Requests({ app }: { app: App }) {
  const [draft, setDraft] = useState<Filter>(NO_FILTER)
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
          value={draft.operation}
          onChange={(e) => setDraft({ ...draft, operation: e.target.value })}
          options={[
            ['', translate({ id: 'console.inspector.any', message: 'Any' })],
            ...OPERATIONS.map((o) => [o, o] as const),
            ['callback', translate({ id: 'console.inspector.callbacks', message: 'Callbacks' })],
          ]}
        />
        <SelectField
          label={translate({ id: 'console.inspector.col.code', message: 'Result' })}
          value={draft.code}
          onChange={(e) => setDraft({ ...draft, code: e.target.value })}
          options={[
            ['', translate({ id: 'console.inspector.any', message: 'Any' })],
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
          value={draft.since}
          onChange={(e) => setDraft({ ...draft, since: e.target.value })}
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
            <div className={ui.tableWrap}>
              <table className={clsx(ui.table, styles.stackTable)} data-testid="requests">
                <thead>
                  <tr>
                    <th scope="col">
                      <Translate id="console.inspector.col.time">Time</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.scenarios.operation">Operation</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.inspector.col.code">Result</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.inspector.diagnosis">Diagnosis</Translate>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.txID} className={item.txID === selected ? styles.selectedRow : undefined}>
                      <td className={styles.nowrap} data-label={labels.time}>
                        {formatHkTime(item.at)}
                      </td>
                      <td data-label={labels.operation}>
                        <button
                          type="button"
                          className={styles.rowButton}
                          onClick={() => setSelected(item.txID)}
                        >
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
                </tbody>
              </table>
            </div>
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

/** "Replay" beside a failed callback in the list: sends it again without opening it. */
function RowReplay({ app, callbackId }: { app: App; callbackId: string }) {
  const { message, error, replay } = useReplay(app, callbackId)
  if (message) return <span className={ui.hint}> {message}</span>
  return (
    <>
      {' '}
      <ActionButton className="button--secondary button--sm" onClick={replay}>
        <Translate id="console.inspector.replay.short">Replay</Translate>
      </ActionButton>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  )
}

/** What changes when a record is recorded again: a callback's state and tries. */
function versionOf(item: InspectorItem | undefined): string {
  return item?.kind === 'callback' ? `${item.state}:${item.attempts.length}` : ''
}

/** New records first, then the others, each txID once (the newer copy wins), newest first. */
function merge(incoming: InspectorItem[], current: InspectorItem[]): InspectorItem[] {
  const byId = new Map<string, InspectorItem>()
  for (const x of [...current, ...incoming]) byId.set(x.txID, x)
  return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, 500)
}

export default function Inspector() {
  const chosen = useChosenApp()
  return (
    <>
      <p>
        <Translate id="console.inspector.intro">
          Every call your app makes to the sandbox, as the platform saw it, with a plain-words diagnosis of
          each failure. Secrets are masked; personal data is synthetic.
        </Translate>
      </p>
      <AppPicker chosen={chosen} />
      {chosen.app && <Requests key={chosen.app.clientID} app={chosen.app} />}
    </>
  )
}
