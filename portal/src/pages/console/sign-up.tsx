/** Sign up for the sandbox console (/console/sign-up). */
import { translate } from '@docusaurus/Translate'
import ConsoleLayout from '../../components/console/ConsoleLayout'
import { SignUpForm } from '../../components/console/Auth'

export default function Page() {
  return (
    <ConsoleLayout
      title={translate({ id: 'console.title.signUp', message: 'Create an account' })}
      requireSession={false}
    >
      <SignUpForm />
    </ConsoleLayout>
  )
}
