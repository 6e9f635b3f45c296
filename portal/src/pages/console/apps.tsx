/** The organisation's apps and registering a new one (/console/apps). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import Apps from '../../components/console/Apps'

export default consolePage(() => translate({ id: 'console.title.apps', message: 'Apps' }), Apps)
