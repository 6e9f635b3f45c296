/** Search, add, edit and reset synthetic residents (/console/residents). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import Residents from '../../components/console/Residents'

export default consolePage(
  () => translate({ id: 'console.title.residents', message: 'Synthetic residents' }),
  Residents,
)
