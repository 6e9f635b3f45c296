/** A change to an app's settings: it applies at once (200) or waits for an approver (202); what happened is said. */
import { translate } from '@docusaurus/Translate'
import { ErrorAlert, Notice } from '../../shared/feedback'
import { useReport } from '../../shared/hooks'
import type { App, ChangeRequest } from '../../shared/types'

type ChangeOutcome = { change: ChangeRequest; app: App }

/** Runs a change and says whether it applied or waits for an approver. */
export function useChange(onApplied: (app: App) => void) {
  const { message, setMessage, error, report } = useReport()
  const run = (change: () => Promise<ChangeOutcome>) => {
    setMessage(undefined)
    return report(async () => {
      const out = await change()
      onApplied(out.app)
      return out.change.status === 'pending'
        ? translate({
            id: 'console.app.change.pending',
            message: 'Proposed: the change waits for an approver of your organisation.',
          })
        : translate({ id: 'console.app.change.applied', message: 'Saved: the change applies at once.' })
    })
  }
  return { error, message, run }
}

export function ChangeMessage({
  error,
  message,
  fields = [],
}: {
  error: unknown
  message?: string
  fields?: string[]
}) {
  return (
    <>
      <ErrorAlert error={error} shownFields={fields} />
      {message && <Notice>{message}</Notice>}
    </>
  )
}
