/** The console's start page (/console). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import Overview from '../../components/console/Overview'

export default function Page() {
  return (
    <ConsoleLayout
      title={translate({ id: 'console.title.overview', message: 'Console' })}
      requireSession={false}
    >
      <Overview />
    </ConsoleLayout>
  )
}
