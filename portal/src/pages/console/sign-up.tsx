/** Sign up for the sandbox console (/console/sign-up). */
import { translate } from '@docusaurus/Translate'
import { consolePage } from '../../components/console/ConsoleLayout'
import { SignUpForm } from '../../components/console/Auth'

export default consolePage(
  () => translate({ id: 'console.title.signUp', message: 'Create an account' }),
  SignUpForm,
  { requireSession: false },
)
