/** The staff dashboard: volume by category per week, time to first response, backlog age, breaches. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert, Loading } from '../../shared/feedback'
import { useLoad } from '../../shared/hooks'
import type { Dashboard as Figures } from '../../shared/types'
import styles from '../support.module.css'
import { term } from '../terms'
import StackedBars from './StackedBars'

const hours = (m: number | null) => (m === null ? '—' : m < 60 ? `${m} min` : `${(m / 60).toFixed(1)} h`)

function Charts({ data }: { data: Figures }) {
  const count = translate({ id: 'support.count', message: 'Count' })
  const cats = Object.keys(
    data.volume[0]?.byCategory ?? {},
  ) as (keyof Figures['volume'][number]['byCategory'])[]
  const fr = data.firstResponse
  return (
    <div className={styles.grid2}>
      <StackedBars
        id="chart-volume"
        title={translate({ id: 'support.volume', message: 'Volume by category per week' })}
        labels={data.volume.map((w) => w.weekStart.slice(5))}
        series={[
          ...cats.map((c) => ({ name: term(c), values: data.volume.map((w) => w.byCategory[c]) })),
          {
            name: translate({ id: 'support.applicationsShort', message: 'Applications' }),
            values: data.volume.map((w) => w.applications),
          },
        ]}
      />
      <div>
        <StackedBars
          id="chart-first-response"
          title={translate({
            id: 'support.firstResponse',
            message: 'Time to first response (business time)',
          })}
          labels={fr.distribution.map((b) => b.label)}
          series={[{ name: count, values: fr.distribution.map((b) => b.count) }]}
        />
        <p data-testid="first-response-median">
          <Translate id="support.median">Median</Translate>:{' '}
          <strong>{hours(fr.medianBusinessMinutes)}</strong> ·{' '}
          <Translate id="support.p90">90th percentile</Translate>: {hours(fr.p90BusinessMinutes)} ·{' '}
          <Translate id="support.withinTarget">Within target</Translate>: {fr.withinTarget}/{fr.count} ·{' '}
          <Translate id="support.pending">Still waiting</Translate>: {fr.pending}
        </p>
      </div>
      <div>
        <StackedBars
          id="chart-backlog"
          title={translate({ id: 'support.backlogAge', message: 'Backlog age' })}
          labels={data.backlog.age.map((b) => b.label)}
          series={[{ name: count, values: data.backlog.age.map((b) => b.count) }]}
        />
        <p>
          <Translate id="support.openItems">Open items</Translate>: <strong>{data.backlog.open}</strong> ·{' '}
          <Translate id="support.breachFirst">First response late</Translate>: {data.breaches.firstResponse} ·{' '}
          <Translate id="support.breachResolution">Resolution late</Translate>: {data.breaches.resolution} ·{' '}
          <Translate id="support.dueSoon">Due soon</Translate>: {data.breaches.dueSoon}
        </p>
      </div>
    </div>
  )
}

export default function Dashboard() {
  const { data, error } = useLoad(() => unwrap(supportApi.GET('/dashboard')), [])
  return (
    <section aria-labelledby="dash-title">
      <Heading as="h2" id="dash-title">
        <Translate id="support.tabDashboard">Dashboard</Translate>
      </Heading>
      <ErrorAlert error={error} />
      {data ? <Charts data={data} /> : !error && <Loading />}
    </section>
  )
}
