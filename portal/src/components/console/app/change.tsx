/** A change to an app's settings: it applies at once (200) or waits for an approver (202); what happened is said. */
import { translate } from '@docusaurus/Translate'
import { ApiError, unwrap } from '../../shared/api'
import { ErrorAlert, Notice } from '../../shared/feedback'
import { useReport } from '../../shared/hooks'
import type { App, ChangeRequest } from '../../shared/types'

type ChangeOutcome = { change: ChangeRequest; app: App }

/**
 * Sends a change (`run(() => sandboxApi.PUT(…))`) and says whether it applied or waits for an approver; `errors`:
 * what a 422 said, by field.
 */
export function useChange(onApplied: (app: App) => void) {
  const { message, setMessage, error, report } = useReport()
  const run = (change: () => Promise<{ data?: ChangeOutcome; error?: unknown; response: Response }>) => {
    setMessage(undefined)
    return report(async () => {
      const out = await unwrap(change())
      onApplied(out.app)
      return out.change.status === 'pending'
        ? translate({
            id: 'console.app.change.pending',
            message: 'Proposed: the change waits for an approver of your organisation.',
          })
        : translate({ id: 'console.app.change.applied', message: 'Saved: the change applies at once.' })
    })
  }
  return { error, errors: error instanceof ApiError ? error.fieldErrors : {}, message, run }
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
