/** Forced outcomes and the test clock of an app (/console/scenarios?app=<clientID>). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import Scenarios from '../../components/console/Scenarios'

export default function Page() {
  return (
    <ConsoleLayout title={translate({ id: 'console.title.scenarios', message: 'Scenarios and test clock' })}>
      <Scenarios />
    </ConsoleLayout>
  )
}
