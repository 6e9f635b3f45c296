/** Forced outcomes and the test clock of an app (/console/scenarios?app=<clientID>). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import Scenarios from '../../components/console/Scenarios'

export default consolePage(
  () => translate({ id: 'console.title.scenarios', message: 'Scenarios and test clock' }),
  Scenarios,
)
