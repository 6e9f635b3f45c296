/** Signing in (POST /sandbox/v1/session) from any portal page, and the email and password fields of sign-up too. */
import Link from '@docusaurus/Link'
import { useHistory } from '@docusaurus/router'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import { type FormEvent, useState } from 'react'
import { ApiError, sandboxApi, unwrap } from './api'
import { ActionButton, ErrorAlert, Notice } from './feedback'
import { fieldError, TextField } from './fields'
import { useSession } from './session'
import ui from './ui.module.css'

export function SignedInAlready() {
  const { state } = useSession()
  if (state.status !== 'signed-in') return null
  return (
    <Notice kind="info">
      <Translate id="console.auth.already" values={{ email: <strong>{state.session.account.email}</strong> }}>
        {'You are signed in as {email}.'}
      </Translate>{' '}
      <Link to="/console">
        <Translate id="console.auth.toConsole">Go to the console</Translate>
      </Link>
    </Notice>
  )
}

/** The state of the email address and password fields. */
export function useAccountFields() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  return { email, password, onEmail: setEmail, onPassword: setPassword }
}

/** The email address and password of an account, with what the sandbox said is wrong with them. */
export function AccountFields({
  email,
  password,
  onEmail,
  onPassword,
  errors,
  newAccount = false,
}: {
  email: string
  password: string
  onEmail(email: string): void
  onPassword(password: string): void
  errors: Record<string, string>
  /** Sign-up: the browser may suggest a new password, and the rule is said. */
  newAccount?: boolean
}) {
  return (
    <>
      <TextField
        label={translate({ id: 'console.field.email', message: 'Email address' })}
        type="email"
        name="email"
        autoComplete={newAccount ? 'email' : 'username'}
        required
        value={email}
        onChange={(e) => onEmail(e.target.value)}
        error={fieldError(errors, 'email')}
      />
      <TextField
        label={translate({ id: 'console.field.password', message: 'Password' })}
        type="password"
        name="password"
        autoComplete={newAccount ? 'new-password' : 'current-password'}
        required
        minLength={newAccount ? 12 : undefined}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={
          newAccount
            ? translate({ id: 'console.field.password.hint', message: 'At least 12 characters.' })
            : undefined
        }
        error={fieldError(errors, 'password')}
      />
    </>
  )
}

/** The sign-in form; signed in, it goes on to `next` (the console's start page) or, without one, stays. */
export function SignInForm({ next = '/console' }: { next?: string | null }) {
  const { begin } = useSession()
  const history = useHistory()
  const nextUrl = useBaseUrl(next ?? '/')
  const account = useAccountFields()
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const { email, password } = account
    try {
      begin(await unwrap(sandboxApi.POST('/session', { body: { email, password } })))
      if (next) history.push(nextUrl)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <>
      <SignedInAlready />
      <ErrorAlert error={error} shownFields={['email', 'password']} />
      <form onSubmit={(e) => void submit(e)} className={ui.panel} noValidate>
        <AccountFields {...account} errors={errors} />
        <ActionButton type="submit">
          <Translate id="console.signIn.submit">Sign in</Translate>
        </ActionButton>
      </form>
      <p>
        <Translate id="console.signIn.noAccount">No account yet?</Translate>{' '}
        <Link to="/console/sign-up">
          <Translate id="console.signIn.toSignUp">Create one</Translate>
        </Link>
      </p>
    </>
  )
}
