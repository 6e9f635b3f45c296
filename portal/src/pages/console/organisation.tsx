/** The organisation and its members (/console/organisation). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import Organisation from '../../components/console/Organisation'

export default function Page() {
  return (
    <ConsoleLayout title={translate({ id: 'console.title.organisation', message: 'Organisation' })}>
      <Organisation />
    </ConsoleLayout>
  )
}
