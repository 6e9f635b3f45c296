/** Search, add, edit and reset synthetic residents (/console/residents). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import Residents from '../../components/console/Residents'

export default function Page() {
  return (
    <ConsoleLayout title={translate({ id: 'console.title.residents', message: 'Synthetic residents' })}>
      <Residents />
    </ConsoleLayout>
  )
}
