/** The organisation and its members (/console/organisation). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import Organisation from '../../components/console/Organisation'

export default consolePage(
  () => translate({ id: 'console.title.organisation', message: 'Organisation' }),
  Organisation,
)
