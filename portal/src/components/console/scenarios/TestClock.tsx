/** An app's test clock: moving it forward (preset or by milliseconds) or back to real time. */
import Translate, { translate } from '@docusaurus/Translate'
import { formatHkTime } from '../../hk-time'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert, Loading } from '../../shared/feedback'
import { NumberField, useFields } from '../../shared/fields'
import { useLoad } from '../../shared/hooks'
import { Fact, Section } from '../../shared/Section'
import type { App, Clock } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import styles from '../console.module.css'

/** How far the preset buttons move the clock: just past the sandbox's code, token and CEK lifetimes. */
const advances = () =>
  [
    [60_000, translate({ id: 'console.clock.plus1min', message: '+1 min' })],
    [120_001, translate({ id: 'console.clock.plus2min', message: '+2 min (a code expires)' })],
    [600_001, translate({ id: 'console.clock.plus10min', message: '+10 min (a token expires)' })],
    [3_600_000, translate({ id: 'console.clock.plus1h', message: '+1 h' })],
    [86_400_001, translate({ id: 'console.clock.plus24h', message: '+24 h (a CEK expires)' })],
  ] as const

export default function TestClock({ app }: { app: App }) {
  const path = { clientID: app.clientID }
  const clock = useLoad(
    () => unwrap(sandboxApi.GET('/apps/{clientID}/clock', { params: { path } })),
    [app.clientID],
  )
  const { values, bind, error, fail } = useFields({ ms: '' })
  const { ms } = values
  const act = async (what: () => Promise<Clock>) => {
    try {
      clock.setData(await what())
      fail(undefined)
    } catch (e) {
      fail(e)
    }
  }
  const advance = (n: number) =>
    act(() =>
      unwrap(sandboxApi.POST('/apps/{clientID}/clock/advance', { params: { path }, body: { ms: n } })),
    )
  return (
    <Section panel id="test-clock" title={<Translate id="console.clock.title">Test clock</Translate>}>
      <p>
        <Translate id="console.clock.intro">
          Moving the app's clock forward brings its codes, tokens, content keys and pending tasks closer to
          expiry at once. The request timestamp window keeps real time.
        </Translate>
      </p>
      <ErrorAlert error={error ?? clock.error} shownFields={['ms']} />
      {clock.data ? (
        <dl className={styles.kv} aria-live="polite">
          <Fact term={<Translate id="console.clock.appTime">App time</Translate>}>
            {formatHkTime(clock.data.now)}
          </Fact>
          <Fact term={<Translate id="console.clock.realTime">Platform time</Translate>}>
            {formatHkTime(clock.data.realNow)}
          </Fact>
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
        <NumberField
          label={translate({ id: 'console.clock.ms', message: 'Advance by (ms)' })}
          {...bind('ms')}
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
    </Section>
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
