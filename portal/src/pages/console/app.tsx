/** One app: credentials, keys, redirect URIs, scopes, change requests (/console/app?app=<clientID>). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import AppDetail from '../../components/console/AppDetail'

export default function Page() {
  return (
    <ConsoleLayout title={translate({ id: 'console.title.app', message: 'App settings' })}>
      <AppDetail />
    </ConsoleLayout>
  )
}
