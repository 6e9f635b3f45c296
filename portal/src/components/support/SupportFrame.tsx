/** The frame of the support desk and the staff console: the site layout, the session, a sign-in form without one. */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import Layout from '@theme/Layout'
import type { ComponentType, ReactNode } from 'react'
import { ActionButton, ErrorAlert, Loading } from '../shared/feedback'
import { SessionProvider, useSession } from '../shared/session'
import { SignInForm } from '../shared/SignInForm'
import type { Session } from '../shared/types'
import styles from './support.module.css'

function Gate({ children }: { children: (session: Session) => ReactNode }) {
  const { state, signOut } = useSession()
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') return <ErrorAlert error={state.error} />
  if (state.status === 'signed-out')
    return (
      <section aria-labelledby="support-sign-in">
        <Heading as="h2" id="support-sign-in">
          <Translate id="support.signInNeeded">Sign in to use this page.</Translate>
        </Heading>
        <p>
          <Link to="/console/sign-in">
            <Translate id="support.signInConsole">Sign in on the console</Translate>
          </Link>
        </p>
        <SignInForm next={null} />
      </section>
    )
  return (
    <>
      <div className={styles.bar}>
        <span>
          <Translate id="support.signedInAs">Signed in as</Translate>{' '}
          <strong data-testid="signed-in-as">{state.session.account.email}</strong>
        </span>
        <ActionButton className="button--sm button--secondary" onClick={signOut}>
          <Translate id="support.signOut">Sign out</Translate>
        </ActionButton>
      </div>
      {children(state.session)}
    </>
  )
}

/** The two support pages' titles and intros (in the reader's language). */
const pages = () => ({
  desk: {
    title: translate({ id: 'support.deskTitle', message: 'Support desk' }),
    intro: translate({
      id: 'support.deskIntro',
      message: 'Ask the sandbox support team for help, and apply to the Sandbox Programme.',
    }),
  },
  staff: {
    title: translate({ id: 'support.staffTitle', message: 'Staff console' }),
    intro: translate({
      id: 'support.staffIntro',
      message: 'The support queue, triage, replies and the dashboard.',
    }),
  },
})

/** A support page (the desk or the staff console): the layout, its title and intro, then `Content` for the session. */
export function supportPage(page: 'desk' | 'staff', Content: ComponentType<{ session: Session }>) {
  return function SupportPage() {
    const { title, intro } = pages()[page]
    return (
      <Layout title={title} description={intro}>
        <SessionProvider>
          <main className={`container ${styles.wrap}`}>
            <Heading as="h1">{title}</Heading>
            <p>{intro}</p>
            <Gate>{(session) => <Content session={session} />}</Gate>
          </main>
        </SessionProvider>
      </Layout>
    )
  }
}
