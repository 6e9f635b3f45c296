/** Every call of an app with its diagnosis, live (/console/inspector?app=<clientID>). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import Inspector from '../../components/console/Inspector'

export default function Page() {
  return (
    <ConsoleLayout title={translate({ id: 'console.title.inspector', message: 'Request inspector' })}>
      <Inspector />
    </ConsoleLayout>
  )
}
