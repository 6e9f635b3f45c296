/** Sending a recorded callback again (a new transaction to the same URL), from its detail or from the list. */
import Translate, { translate } from '@docusaurus/Translate'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert } from '../../shared/feedback'
import { useReport } from '../../shared/hooks'
import type { App } from '../../shared/types'
import ui from '../../shared/ui.module.css'

/** Sends a recorded callback again (a new transaction to the same URL); reports what happened. */
export function useReplay(app: App, callbackId: string) {
  const { message, error, report } = useReport()
  const replay = () =>
    report(async () => {
      const r = await unwrap(
        sandboxApi.POST('/apps/{clientID}/callbacks/{callbackId}/replay', {
          params: { path: { clientID: app.clientID, callbackId } },
        }),
      )
      return translate(
        { id: 'console.inspector.replayed', message: 'Sent again as callback {id}.' },
        { id: r.id },
      )
    })
  return { message, error, replay }
}

/** "Replay" beside a failed callback in the list: sends it again without opening it. */
export function RowReplay({ app, callbackId }: { app: App; callbackId: string }) {
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
