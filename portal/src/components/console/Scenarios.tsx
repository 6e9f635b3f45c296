/**
 * Scenarios and the test clock of one app: queue a forced outcome for its next calls (a D-code, a delay, a callback
 * answered with an error or never answered), list and delete them, force its content keys to expire, and move its
 * clock forward (codes, tokens, CEKs and tasks expire without waiting) or back to real time.
 */
import Translate from '@docusaurus/Translate'
import { AppPicker, useChosenApp } from './AppPicker'
import CekExpiry from './scenarios/CekExpiry'
import ScenarioList from './scenarios/ScenarioList'
import TestClock from './scenarios/TestClock'

export default function Scenarios() {
  const chosen = useChosenApp()
  return (
    <>
      <p>
        <Translate id="console.scenarios.intro">
          Make the sandbox fail on purpose, so you can test how your e-Service copes: each forced outcome
          shows in the request inspector, marked as forced.
        </Translate>
      </p>
      <AppPicker chosen={chosen} />
      {chosen.app && (
        <div key={chosen.app.clientID}>
          <ScenarioList app={chosen.app} />
          <CekExpiry app={chosen.app} />
          <TestClock app={chosen.app} />
        </div>
      )}
    </>
  )
}
