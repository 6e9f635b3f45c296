/**
 * Scenarios and the test clock of one app: queue a forced outcome for its next calls (a D-code, a delay, a callback
 * answered with an error or never answered), list and delete them, force its content keys to expire, and move its
 * clock forward (codes, tokens, CEKs and tasks expire without waiting) or back to real time.
 */
import Translate, { translate } from '@docusaurus/Translate'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import { type FormEvent, useState } from 'react'
import { formatHkTime } from '../hk-time'
import { ApiError, sandboxApi, unwrap } from '../shared/api'
import { ActionButton, ErrorAlert, Loading, Notice } from '../shared/feedback'
import { fieldError, SelectField, TextField } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import type { App, Clock, ScenarioCreateRequest } from '../shared/types'
import ui from '../shared/ui.module.css'
import { AppPicker, useChosenApp } from './AppPicker'
import styles from './console.module.css'

export const OPERATIONS = Object.keys(platformOperations)
/** Operations whose result arrives by callback: a scenario may make that callback fail. */
const WITH_CALLBACK = [
  'initiateProfileRequest',
  'initiateEmeRequest',
  'initiateStepUpRequest',
  'initiateSigningRequest',
  'initiatePdfSigningRequest',
]
const FAILURE_CODES = Object.keys(dCodes).filter((c) => c !== 'D00000')

type Fault = 'dcode' | 'delay' | 'callback'

function NewScenario({ app, onCreated }: { app: App; onCreated(): void }) {
  const [operationId, setOperationId] = useState('getToken')
  const [fault, setFault] = useState<Fault>('dcode')
  const [dcode, setDcode] = useState('D40004')
  const [delayMs, setDelayMs] = useState('5000')
  const [callback, setCallback] = useState<'error' | 'timeout'>('error')
  const [times, setTimes] = useState('1')
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const body: ScenarioCreateRequest = {
      operationId,
      times: Number(times),
      ...(fault === 'dcode' ? { dcode } : fault === 'delay' ? { delayMs: Number(delayMs) } : { callback }),
    }
    try {
      await unwrap(
        sandboxApi.POST('/apps/{clientID}/scenarios', { params: { path: { clientID: app.clientID } }, body }),
      )
      setError(undefined)
      onCreated()
    } catch (x) {
      setError(x)
    }
  }

  return (
    <form className={ui.panel} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-scenario">
      <h2 id="new-scenario">
        <Translate id="console.scenarios.new">Queue a forced outcome</Translate>
      </h2>
      <ErrorAlert error={error} shownFields={['operationId', 'dcode', 'delayMs', 'callback', 'times']} />
      <div className={ui.formRow}>
        <SelectField
          label={translate({ id: 'console.scenarios.operation', message: 'Operation' })}
          value={operationId}
          onChange={(e) => setOperationId(e.target.value)}
          options={OPERATIONS.map((o) => [o, o] as const)}
          error={fieldError(errors, 'operationId')}
        />
        <SelectField
          label={translate({ id: 'console.scenarios.fault', message: 'What to force' })}
          value={fault}
          onChange={(e) => setFault(e.target.value as Fault)}
          options={[
            ['dcode', translate({ id: 'console.scenarios.fault.dcode', message: 'Answer a D-code' })],
            ['delay', translate({ id: 'console.scenarios.fault.delay', message: 'Delay the answer' })],
            ...(WITH_CALLBACK.includes(operationId)
              ? ([
                  [
                    'callback',
                    translate({ id: 'console.scenarios.fault.callback', message: 'Fail the callback' }),
                  ],
                ] as const)
              : []),
          ]}
        />
        <TextField
          label={translate({ id: 'console.scenarios.times', message: 'For the next calls' })}
          inputMode="numeric"
          value={times}
          onChange={(e) => setTimes(e.target.value)}
          error={fieldError(errors, 'times')}
        />
      </div>
      {fault === 'dcode' && (
        <SelectField
          label={translate({ id: 'console.scenarios.dcode', message: 'D-code' })}
          value={dcode}
          onChange={(e) => setDcode(e.target.value)}
          options={FAILURE_CODES.map((c) => [c, `${c} ${dCodes[c as keyof typeof dCodes].message}`] as const)}
          error={fieldError(errors, 'dcode')}
        />
      )}
      {fault === 'delay' && (
        <TextField
          label={translate({ id: 'console.scenarios.delayMs', message: 'Delay (ms, at most 60 000)' })}
          inputMode="numeric"
          value={delayMs}
          onChange={(e) => setDelayMs(e.target.value)}
          error={fieldError(errors, 'delayMs')}
        />
      )}
      {fault === 'callback' && (
        <SelectField
          label={translate({ id: 'console.scenarios.callback', message: 'The callback' })}
          value={callback}
          onChange={(e) => setCallback(e.target.value as 'error' | 'timeout')}
          options={[
            [
              'error',
              translate({
                id: 'console.scenarios.callback.error',
                message: 'is answered HTTP 500 on every try',
              }),
            ],
            [
              'timeout',
              translate({ id: 'console.scenarios.callback.timeout', message: 'is never answered' }),
            ],
          ]}
          error={fieldError(errors, 'callback')}
        />
      )}
      <ActionButton type="submit">
        <Translate id="console.scenarios.queue">Queue scenario</Translate>
      </ActionButton>
    </form>
  )
}

function ScenarioList({ app }: { app: App }) {
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
      <section className={styles.section} aria-labelledby="queued">
        <h2 id="queued">
          <Translate id="console.scenarios.queued">Queued scenarios</Translate>
        </h2>
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
            <div className={ui.tableWrap}>
              <table className={ui.table}>
                <thead>
                  <tr>
                    <th scope="col">
                      <Translate id="console.scenarios.operation">Operation</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.scenarios.fault">What to force</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.scenarios.remaining">Uses left</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.scenarios.created">Queued at</Translate>
                    </th>
                    <th scope="col">
                      <Translate id="console.org.col.actions">Actions</Translate>
                    </th>
                  </tr>
                </thead>
                <tbody>
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
                </tbody>
              </table>
            </div>
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
      </section>
    </>
  )
}

function CekExpiry({ app }: { app: App }) {
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<unknown>()
  const expire = async () => {
    try {
      const r = await unwrap(
        sandboxApi.POST('/apps/{clientID}/scenarios/expire-cek', {
          params: { path: { clientID: app.clientID } },
        }),
      )
      setError(undefined)
      setMessage(
        translate(
          {
            id: 'console.scenarios.cek.done',
            message: '{count} content keys expired at {when}: the next encrypted call answers D30002.',
          },
          { count: r.expired, when: formatHkTime(r.expiredAt) },
        ),
      )
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className={ui.panel} aria-labelledby="cek-expiry">
      <h2 id="cek-expiry">
        <Translate id="console.scenarios.cek.title">Content key expiry</Translate>
      </h2>
      <p>
        <Translate id="console.scenarios.cek.intro">
          Expire the app's current and previous CEK now, to test that your code calls getKey again and retries
          once.
        </Translate>
      </p>
      <ErrorAlert error={error} />
      {message && <Notice>{message}</Notice>}
      <ActionButton className="button--secondary" onClick={expire}>
        <Translate id="console.scenarios.cek.button">Force CEK expiry</Translate>
      </ActionButton>
    </section>
  )
}

/** How far the preset buttons move the clock: just past the sandbox's code, token and CEK lifetimes. */
const advances = () =>
  [
    [60_000, translate({ id: 'console.clock.plus1min', message: '+1 min' })],
    [120_001, translate({ id: 'console.clock.plus2min', message: '+2 min (a code expires)' })],
    [600_001, translate({ id: 'console.clock.plus10min', message: '+10 min (a token expires)' })],
    [3_600_000, translate({ id: 'console.clock.plus1h', message: '+1 h' })],
    [86_400_001, translate({ id: 'console.clock.plus24h', message: '+24 h (a CEK expires)' })],
  ] as const

function TestClock({ app }: { app: App }) {
  const path = { clientID: app.clientID }
  const clock = useLoad(
    () => unwrap(sandboxApi.GET('/apps/{clientID}/clock', { params: { path } })),
    [app.clientID],
  )
  const [ms, setMs] = useState('')
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  const act = async (what: () => Promise<Clock>) => {
    try {
      clock.setData(await what())
      setError(undefined)
    } catch (e) {
      setError(e)
    }
  }
  const advance = (n: number) =>
    act(() =>
      unwrap(sandboxApi.POST('/apps/{clientID}/clock/advance', { params: { path }, body: { ms: n } })),
    )
  return (
    <section className={ui.panel} aria-labelledby="test-clock">
      <h2 id="test-clock">
        <Translate id="console.clock.title">Test clock</Translate>
      </h2>
      <p>
        <Translate id="console.clock.intro">
          Moving the app's clock forward brings its codes, tokens, content keys and pending tasks closer to
          expiry at once. The request timestamp window keeps real time.
        </Translate>
      </p>
      <ErrorAlert error={error ?? clock.error} shownFields={['ms']} />
      {clock.data ? (
        <dl className={styles.kv} aria-live="polite">
          <dt>
            <Translate id="console.clock.appTime">App time</Translate>
          </dt>
          <dd>{formatHkTime(clock.data.now)}</dd>
          <dt>
            <Translate id="console.clock.realTime">Platform time</Translate>
          </dt>
          <dd>{formatHkTime(clock.data.realNow)}</dd>
          <dt>
            <Translate id="console.clock.offset">Ahead by</Translate>
          </dt>
          <dd data-testid="clock-offset">{formatOffset(clock.data.offsetMs)}</dd>
        </dl>
      ) : (
        <Loading />
      )}
      <div className={`${ui.buttons} margin-bottom--md`}>
        {advances().map(([n, label]) => (
          <ActionButton key={n} className="button--secondary button--sm" onClick={() => advance(n)}>
            {label}
          </ActionButton>
        ))}
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.clock.ms', message: 'Advance by (ms)' })}
          inputMode="numeric"
          value={ms}
          onChange={(e) => setMs(e.target.value)}
          error={fieldError(errors, 'ms')}
        />
      </div>
      <div className={ui.buttons}>
        <ActionButton disabled={!ms.trim()} onClick={() => advance(Number(ms))}>
          <Translate id="console.clock.advance">Advance</Translate>
        </ActionButton>
        <ActionButton
          className="button--secondary"
          onClick={() => act(() => unwrap(sandboxApi.DELETE('/apps/{clientID}/clock', { params: { path } })))}
        >
          <Translate id="console.clock.reset">Back to real time</Translate>
        </ActionButton>
      </div>
    </section>
  )
}

export default function Scenarios() {
  const chosen = useChosenApp()
  return (
    <>
      <p>
        <Translate id="console.scenarios.intro">
          Make the sandbox fail on purpose, so you can test how your e-Service copes: each forced outcome
          shows in the request inspector, marked as forced.
        </Translate>
      </p>
      <AppPicker chosen={chosen} />
      {chosen.app && (
        <div key={chosen.app.clientID}>
          <ScenarioList app={chosen.app} />
          <CekExpiry app={chosen.app} />
          <TestClock app={chosen.app} />
        </div>
      )}
    </>
  )
}

/** A test-clock offset as a person reads it: `10 min 0.001 s (600,001 ms)`; under a second, just the milliseconds. */
export function formatOffset(ms: number): string {
  if (Math.abs(ms) < 1000) return `${ms} ms`
  const sign = ms < 0 ? '−' : ''
  let rest = Math.abs(ms)
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`)
      rest %= size
    }
  }
  if (rest > 0) parts.push(`${Number((rest / 1000).toFixed(3))} s`)
  return `${sign}${parts.join(' ')} (${sign}${Math.abs(ms).toLocaleString('en-US')} ms)`
}
