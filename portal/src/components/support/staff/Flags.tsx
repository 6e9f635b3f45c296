/** An item's target flags: first response or resolution late, due soon, paused. */
import Translate from '@docusaurus/Translate'
import type { Deadlines } from '../../shared/types'
import styles from '../support.module.css'

export function Flags({ targets }: { targets?: Deadlines }) {
  if (!targets) return null
  return (
    <span data-testid="breach-flags">
      {targets.breach.firstResponse && (
        <span className={styles.breach}>
          ⚠ <Translate id="support.breachFirst">First response late</Translate>
        </span>
      )}
      {targets.breach.resolution && (
        <span className={styles.breach}>
          ⚠ <Translate id="support.breachResolution">Resolution late</Translate>
        </span>
      )}
      {targets.dueSoon && (
        <span className={styles.soon}>
          <Translate id="support.dueSoon">Due soon</Translate>
        </span>
      )}
      {targets.paused && (
        <span className={styles.badge}>
          <Translate id="support.paused">Paused</Translate>
        </span>
      )}
    </span>
  )
}
