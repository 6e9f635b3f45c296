/** Sign up (POST /accounts) and sign in (POST /session): both start a session cookie and answer the session. */
import Link from '@docusaurus/Link'
import { useHistory } from '@docusaurus/router'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import { type FormEvent, useState } from 'react'
import { api, ApiError, unwrap } from './api'
import styles from './console.module.css'
import { useSession } from './session'
import { ActionButton, ErrorAlert, fieldError, Notice, TextField } from './ui'

function SignedInAlready() {
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

export function SignUpForm() {
  const { begin } = useSession()
  const history = useHistory()
  const next = useBaseUrl('/console/apps')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [orgName, setOrgName] = useState('')
  const [error, setError] = useState<unknown>()
  const [checkMail, setCheckMail] = useState(false)
  const errors = error instanceof ApiError ? error.fieldErrors : {}

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    try {
      setCheckMail(false)
      await unwrap(
        api.POST('/accounts', {
          body: { email, password, ...(orgName.trim() ? { orgName: orgName.trim() } : {}) },
        }),
      )
      // The sign-up answer looks the same for an address that already has an account (its owner is mailed
      // instead); only a real new account has a session behind the cookie.
      try {
        begin(await unwrap(api.GET('/session')))
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 401)) throw err
        setError(undefined)
        setCheckMail(true)
        return
      }
      history.push(next)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <>
      <SignedInAlready />
      {checkMail && (
        <Notice kind="info">
          <Translate id="console.signUp.checkMail">
            No account was started. If this address already has an account, its owner has been sent an email:
            sign in instead.
          </Translate>
        </Notice>
      )}
      <p>
        <Translate id="console.signUp.intro">
          Create a developer account for this sandbox. You found an organisation of your own (you are its
          approver, and alone it is "solo": your changes apply at once), unless a colleague invited your
          address: then you join theirs.
        </Translate>
      </p>
      <ErrorAlert error={error} shownFields={['email', 'password', 'orgName']} />
      <form onSubmit={(e) => void submit(e)} className={styles.panel} noValidate>
        <TextField
          label={translate({ id: 'console.field.email', message: 'Email address' })}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(errors, 'email')}
        />
        <TextField
          label={translate({ id: 'console.field.password', message: 'Password' })}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={translate({ id: 'console.field.password.hint', message: 'At least 12 characters.' })}
          error={fieldError(errors, 'password')}
        />
        <TextField
          label={translate({ id: 'console.field.orgName', message: 'Organisation name' })}
          name="orgName"
          autoComplete="organization"
          value={orgName}
          onChange={(e) => setOrgName(e.target.value)}
          hint={translate({
            id: 'console.field.orgName.hint',
            message: 'Optional; ignored when you were invited to an organisation.',
          })}
          error={fieldError(errors, 'orgName')}
        />
        <ActionButton type="submit">
          <Translate id="console.signUp.submit">Create account</Translate>
        </ActionButton>
      </form>
      <p>
        <Translate id="console.signUp.haveAccount">Already have an account?</Translate>{' '}
        <Link to="/console/sign-in">
          <Translate id="console.signUp.toSignIn">Sign in</Translate>
        </Link>
      </p>
    </>
  )
}

export function SignInForm() {
  const { begin } = useSession()
  const history = useHistory()
  const next = useBaseUrl('/console')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    try {
      begin(await unwrap(api.POST('/session', { body: { email, password } })))
      history.push(next)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <>
      <SignedInAlready />
      <ErrorAlert error={error} shownFields={['email', 'password']} />
      <form onSubmit={(e) => void submit(e)} className={styles.panel} noValidate>
        <TextField
          label={translate({ id: 'console.field.email', message: 'Email address' })}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(errors, 'email')}
        />
        <TextField
          label={translate({ id: 'console.field.password', message: 'Password' })}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(errors, 'password')}
        />
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
