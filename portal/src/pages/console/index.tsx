/** The console's start page (/console). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import Overview from '../../components/console/Overview'

export default consolePage(() => translate({ id: 'console.title.overview', message: 'Console' }), Overview, {
  requireSession: false,
})
