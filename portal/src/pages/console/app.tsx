/** One app: credentials, keys, redirect URIs, scopes, change requests (/console/app?app=<clientID>). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import AppDetail from '../../components/console/AppDetail'

export default consolePage(() => translate({ id: 'console.title.app', message: 'App settings' }), AppDetail)
