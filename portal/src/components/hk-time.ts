/** Times in the portal: Hong Kong time (UTC+8, no daylight saving) with the zone named, whatever the browser's zone. */
import { translate } from '@docusaurus/Translate'

const HK_OFFSET_MS = 8 * 3600_000

/** `YYYY-MM-DD HH:MM[:SS] HKT` for epoch milliseconds or an ISO string; the value itself when it is not a time. */
export function formatHkTime(
  value: number | string | undefined | null,
  o: { seconds?: boolean } = { seconds: true },
): string {
  if (value === undefined || value === null) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  // Hong Kong has kept UTC+8 all year since 1979: shift and read the UTC fields (same on server and browser).
  const hk = new Date(d.getTime() + HK_OFFSET_MS).toISOString()
  const time = o.seconds === false ? hk.slice(11, 16) : hk.slice(11, 19)
  return `${hk.slice(0, 10)} ${time} ${hkZone()}`
}

/** `YYYY-MM-DD HH:MM HKT`: to the minute, as the support pages and their mails show times. */
export function formatHkMinutes(value: number | string | undefined | null): string {
  return formatHkTime(value, { seconds: false })
}

/** The zone's short name in the reader's language ("HKT", "香港時間"). */
export function hkZone(): string {
  return translate({
    id: 'portal.time.zone',
    message: 'HKT',
    description: 'Hong Kong Time, after every time',
  })
}

/** A `datetime-local` input's value read as Hong Kong time, as an ISO instant; undefined when empty or invalid. */
export function hkInputToDate(value: string): Date | undefined {
  if (!value) return undefined
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`)
  return Number.isNaN(d.getTime()) ? undefined : d
}
