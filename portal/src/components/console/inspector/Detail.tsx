/** The record opened from the list (?tx=<txID> opens one at once), read again when the live tail brings a newer copy. */
import Translate from '@docusaurus/Translate'
import { useEffect, useRef, useState } from 'react'
import { sandboxApi, unwrap } from '../../shared/api'
import { ErrorAlert, Loading } from '../../shared/feedback'
import { apiLang } from '../../shared/lang'
import type { App, InspectorItem } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import CallbackDetail from './CallbackDetail'
import CallDetail from './CallDetail'

export default function Detail({
  app,
  txID,
  version,
  onClose,
}: {
  app: App
  txID: string
  /** Changes when the live tail brings a newer copy of this record (a callback that finished). */
  version: string
  onClose(): void
}) {
  const [item, setItem] = useState<InspectorItem>()
  const [error, setError] = useState<unknown>()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    setItem(undefined)
    heading.current?.focus()
  }, [txID])
  useEffect(() => {
    unwrap(
      sandboxApi.GET('/apps/{clientID}/requests/{txID}', {
        params: { path: { clientID: app.clientID, txID } },
        headers: { 'Accept-Language': apiLang() },
      }),
    )
      .then((x) => {
        setItem(x)
        setError(undefined)
      })
      .catch(setError)
  }, [app.clientID, txID, version])
  return (
    <section className={ui.panel} aria-labelledby="request-detail" data-testid="request-detail">
      <h2 id="request-detail" ref={heading} tabIndex={-1}>
        {item ? item.operationId : txID}
      </h2>
      <button
        type="button"
        className="button button--secondary button--sm margin-bottom--md"
        onClick={onClose}
      >
        <Translate id="console.close">Close</Translate>
      </button>
      <ErrorAlert error={error} />
      {!item && !error && <Loading />}
      {item?.kind === 'call' && <CallDetail call={item} />}
      {item?.kind === 'callback' && <CallbackDetail cb={item} app={app} />}
    </section>
  )
}
