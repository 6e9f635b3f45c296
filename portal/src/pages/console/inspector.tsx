/** Every call of an app with its diagnosis, live (/console/inspector?app=<clientID>). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import Inspector from '../../components/console/Inspector'

export default consolePage(
  () => translate({ id: 'console.title.inspector', message: 'Request inspector' }),
  Inspector,
)
