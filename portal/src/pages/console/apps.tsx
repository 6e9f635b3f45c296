/** The organisation's apps and registering a new one (/console/apps). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import Apps from '../../components/console/Apps'

export default function Page() {
  return (
    <ConsoleLayout title={translate({ id: 'console.title.apps', message: 'Apps' })}>
      <Apps />
    </ConsoleLayout>
  )
}
