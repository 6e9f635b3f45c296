/**
 * The request inspector of one app: every platform call and callback as the sandbox saw it, newest first, filtered
 * by operation, D-code and time, followed live (Server-Sent Events on …/requests/stream). A call's detail shows the
 * headers (signature masked), the string the platform signed, the decrypted request and response (secrets masked)
 * and the diagnosis of a failure with its troubleshooting section; a callback's shows each try and can be replayed.
 * The list exports as JSON.
 */
import Translate from '@docusaurus/Translate'
import { AppPicker, useChosenApp } from './AppPicker'
import Requests from './inspector/Requests'

export default function Inspector() {
  const chosen = useChosenApp()
  return (
    <>
      <p>
        <Translate id="console.inspector.intro">
          Every call your app makes to the sandbox, as the platform saw it, with a plain-words diagnosis of
          each failure. Secrets are masked; personal data is synthetic.
        </Translate>
      </p>
      <AppPicker chosen={chosen} />
      {chosen.app && <Requests key={chosen.app.clientID} app={chosen.app} />}
    </>
  )
}
