/** How a record's result reads at a glance: the D-code's tone, a callback's delivery state. */
import { translate } from '@docusaurus/Translate'
import { Badge } from '../../shared/feedback'
import type { InspectorCallback } from '../../shared/types'

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

export function codeTone(code: string) {
  return code === 'D00000' ? 'ok' : 'error'
}
