/** Sign in to the sandbox console (/console/sign-in). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import { SignInForm } from '../../components/shared/SignInForm'

export default consolePage(() => translate({ id: 'console.title.signIn', message: 'Sign in' }), SignInForm, {
  requireSession: false,
})
