/** Sign up (POST /accounts): it starts a session cookie, unless the address has an account already. */
import Link from '@docusaurus/Link'
import { useHistory } from '@docusaurus/router'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import { type FormEvent, useState } from 'react'
import { ApiError, sandboxApi, unwrap } from '../shared/api'
import { ActionButton, ErrorAlert, Notice } from '../shared/feedback'
import { TextField, useFields } from '../shared/fields'
import { useSession } from '../shared/session'
import { AccountFields, SignedInAlready } from '../shared/SignInForm'
import ui from '../shared/ui.module.css'

export function SignUpForm() {
  const { begin } = useSession()
  const history = useHistory()
  const next = useBaseUrl('/console/apps')
  const { values, bind, error, fail } = useFields({ email: '', password: '', orgName: '' })
  const { email, password, orgName } = values
  const [checkMail, setCheckMail] = useState(false)

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    try {
      setCheckMail(false)
      await unwrap(
        sandboxApi.POST('/accounts', {
          body: { email, password, ...(orgName.trim() ? { orgName: orgName.trim() } : {}) },
        }),
      )
      // The sign-up answer looks the same for an address that already has an account (its owner is mailed
      // instead); only a real new account has a session behind the cookie.
      try {
        begin(await unwrap(sandboxApi.GET('/session')))
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 401)) throw err
        fail(undefined)
        setCheckMail(true)
        return
      }
      history.push(next)
    } catch (err) {
      fail(err)
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
      <form onSubmit={(e) => void submit(e)} className={ui.panel} noValidate>
        <AccountFields bind={bind} newAccount />
        <TextField
          label={translate({ id: 'console.field.orgName', message: 'Organisation name' })}
          autoComplete="organization"
          hint={translate({
            id: 'console.field.orgName.hint',
            message: 'Optional; ignored when you were invited to an organisation.',
          })}
          {...bind('orgName')}
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
