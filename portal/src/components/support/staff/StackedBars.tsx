/** A small accessible SVG chart of stacked bars for the staff dashboard: title, description, data table. */
import Translate from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { Table } from '../../shared/Table'
import ui from '../../shared/ui.module.css'
import styles from '../support.module.css'

const COLOURS = ['#1b6e5a', '#2f5fb3', '#b35c00', '#8a3ea8', '#b3263b', '#5a6b00', '#555555', '#0b7c9c']

interface BarsProps {
  id: string
  title: string
  labels: string[]
  series: { name: string; values: number[] }[]
}

/** Stacked vertical bars (one series draws plain bars). */
export default function StackedBars({ id, title, labels, series }: BarsProps) {
  const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0))
  const max = Math.max(1, ...totals)
  const W = 440
  const H = 240
  const pad = { l: 36, b: 40, t: 10, r: 10 }
  const bw = (W - pad.l - pad.r) / Math.max(1, labels.length)
  const y = (v: number) => ((H - pad.t - pad.b) * v) / max
  return (
    <figure className={ui.panel} aria-labelledby={`${id}-title`}>
      <Heading as="h3" id={`${id}-title`}>
        {title}
      </Heading>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <desc id={`${id}-desc`}>{labels.map((l, i) => `${l}: ${totals[i]}`).join('; ')}</desc>
        <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} stroke="currentColor" />
        <text x={pad.l - 6} y={pad.t + 10} textAnchor="end" fontSize="13" fill="currentColor">
          {max}
        </text>
        <text x={pad.l - 6} y={H - pad.b} textAnchor="end" fontSize="13" fill="currentColor">
          0
        </text>
        {labels.map((label, i) => {
          let acc = 0
          return (
            <g key={label}>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0
                const h = y(v)
                const top = H - pad.b - y(acc) - h
                acc += v
                return v > 0 ? (
                  <rect
                    key={s.name}
                    x={pad.l + i * bw + bw * 0.15}
                    y={top}
                    width={bw * 0.7}
                    height={h}
                    fill={COLOURS[k % COLOURS.length]}
                  >
                    <title>{`${label} · ${s.name}: ${v}`}</title>
                  </rect>
                ) : null
              })}
              <text
                x={pad.l + i * bw + bw / 2}
                y={H - pad.b + 14}
                textAnchor="middle"
                fontSize="13"
                fill="currentColor"
              >
                {label}
              </text>
            </g>
          )
        })}
      </svg>
      {series.length > 1 && (
        <ul className={styles.bar} aria-hidden="true">
          {series.map((s, k) => (
            <li key={s.name} style={{ listStyle: 'none' }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 12,
                  height: 12,
                  background: COLOURS[k % COLOURS.length],
                }}
              />{' '}
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>
          <Translate id="support.showTable">Data table</Translate>
        </summary>
        <Table
          caption={title}
          columns={[
            null,
            ...series.map((s) => s.name),
            ...(series.length > 1 ? [<Translate id="support.total">Total</Translate>] : []),
          ]}
        >
          {labels.map((l, i) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {series.map((s) => (
                <td key={s.name}>{s.values[i] ?? 0}</td>
              ))}
              {series.length > 1 && <td>{totals[i]}</td>}
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  )
}
