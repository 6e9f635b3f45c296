/**
 * One app: its credentials (secret rotation, shown once), the key encryption keys A and B and the active one,
 * redirect URIs, scopes, strict mode, and its change requests (approve or reject for approvers). A creator's change
 * in an organisation that is not solo waits for an approver (202); everyone else's applies at once (200).
 */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { ApiError } from '../shared/api'
import { ErrorAlert, Loading } from '../shared/feedback'
import type { App } from '../shared/types'
import ui from '../shared/ui.module.css'
import Changes from './app/Changes'
import Keys from './app/Keys'
import Secret from './app/Secret'
import Settings from './app/Settings'
import { RedirectUris, Scopes } from './app/UrisAndScopes'
import { AppPicker, useChosenApp } from './AppPicker'

export default function AppDetail() {
  const chosen = useChosenApp()
  const [updated, setUpdated] = useState<App>()
  const app = updated?.clientID === chosen.clientID ? updated : chosen.app
  if (chosen.loading && !chosen.apps) return <Loading />
  return (
    <>
      <AppPicker chosen={chosen} />
      {chosen.apps && chosen.clientID && !app && (
        <ErrorAlert
          error={
            new ApiError(404, {
              title: translate({ id: 'console.app.notFound', message: 'App not found' }),
              detail: chosen.clientID,
            })
          }
        />
      )}
      {app && (
        <div key={app.clientID}>
          <p className={ui.buttons}>
            <Link
              className="button button--secondary button--sm"
              to={`/console/inspector?app=${app.clientID}`}
            >
              <Translate id="console.nav.inspector">Request inspector</Translate>
            </Link>
            <Link
              className="button button--secondary button--sm"
              to={`/console/scenarios?app=${app.clientID}`}
            >
              <Translate id="console.nav.scenarios">Scenarios and clock</Translate>
            </Link>
          </p>
          <Secret app={app} />
          <Keys app={app} onApp={setUpdated} />
          <RedirectUris app={app} onApp={setUpdated} />
          <Scopes app={app} onApp={setUpdated} />
          <Settings app={app} onApp={setUpdated} />
          <Changes app={app} onApp={setUpdated} />
        </div>
      )}
    </>
  )
}
