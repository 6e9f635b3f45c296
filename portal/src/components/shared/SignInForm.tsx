/** Signing in (POST /sandbox/v1/session) from any portal page, and the email and password fields of sign-up too. */
import Link from '@docusaurus/Link'
import { useHistory } from '@docusaurus/router'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import type { FormEvent } from 'react'
import { sandboxApi, unwrap } from './api'
import { ActionButton, ErrorAlert, Notice } from './feedback'
import { type Bound, EmailField, TextField, useFields } from './fields'
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

/** The email address and password of an account (bound by `useFields`), with what the sandbox said is wrong. */
export function AccountFields({
  bind,
  newAccount = false,
}: {
  bind(key: 'email' | 'password'): Bound
  /** Sign-up: the browser may suggest a new password, and the rule is said. */
  newAccount?: boolean
}) {
  return (
    <>
      <EmailField autoComplete={newAccount ? 'email' : 'username'} required {...bind('email')} />
      <TextField
        label={translate({ id: 'console.field.password', message: 'Password' })}
        type="password"
        autoComplete={newAccount ? 'new-password' : 'current-password'}
        required
        minLength={newAccount ? 12 : undefined}
        {...bind('password')}
        hint={
          newAccount
            ? translate({ id: 'console.field.password.hint', message: 'At least 12 characters.' })
            : undefined
        }
      />
    </>
  )
}

/** The sign-in form; signed in, it goes on to `next` (the console's start page) or, without one, stays. */
export function SignInForm({ next = '/console' }: { next?: string | null }) {
  const { begin } = useSession()
  const history = useHistory()
  const nextUrl = useBaseUrl(next ?? '/')
  const { values, bind, error, fail } = useFields({ email: '', password: '' })

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const { email, password } = values
    try {
      begin(await unwrap(sandboxApi.POST('/session', { body: { email, password } })))
      if (next) history.push(nextUrl)
    } catch (err) {
      fail(err)
    }
  }

  return (
    <>
      <SignedInAlready />
      <ErrorAlert error={error} shownFields={['email', 'password']} />
      <form onSubmit={(e) => void submit(e)} className={ui.panel} noValidate>
        <AccountFields bind={bind} />
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
