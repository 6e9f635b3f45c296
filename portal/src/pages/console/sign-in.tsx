/** Sign in to the sandbox console (/console/sign-in). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import { SignInForm } from '../../components/shared/SignInForm'

export default function Page() {
  return (
    <ConsoleLayout
      title={translate({ id: 'console.title.signIn', message: 'Sign in' })}
      requireSession={false}
    >
      <SignInForm />
    </ConsoleLayout>
  )
}
