/** The portal's home page: what the sandbox is, the five-minute quick start, and who it is for. */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import CodeBlock from '@theme/CodeBlock'
import Heading from '@theme/Heading'
import Layout from '@theme/Layout'
import ApiReferenceLink from '../components/ApiReferenceLink'
import styles from './index.module.css'

const QUICK_START = `npm ci
npm start   # http://127.0.0.1:8080: this portal, the mock platform and the virtual iAM Smart app`

const FIRST_CALL = `const client = createIamSmartClient({ baseUrl, clientID, clientSecret, kekPrivateKeys: [kekPem] })
const token = await client.getToken({ code, grantType: 'authorization_code' })
if (token.ok) console.log(token.data.openID)`

function Hero() {
  return (
    <header className={styles.hero}>
      <div className="container">
        <Heading as="h1" className={styles.title}>
          <Translate id="home.hero.title">iAM Smart Developer Sandbox</Translate>
        </Heading>
        <p className={styles.tagline}>
          <Translate id="home.hero.tagline">
            A high-fidelity mock of Hong Kong's iAM Smart platform on your own machine: log synthetic
            residents in, fill forms from e-ME, sign documents and test every failure, with no sign-up and no
            waiting.
          </Translate>
        </p>
        <div className={styles.buttons}>
          <Link className="button button--primary button--lg" to="/docs/getting-started">
            <Translate id="home.hero.start">Get started in five minutes</Translate>
          </Link>
          <Link className="button button--secondary button--lg" to="/console/sign-up">
            <Translate id="home.hero.console">Sign up for the console</Translate>
          </Link>
          <ApiReferenceLink className="button button--secondary button--lg">
            <Translate id="home.hero.api">API reference</Translate>
          </ApiReferenceLink>
        </div>
      </div>
    </header>
  )
}

function WhatItIs() {
  return (
    <section className={styles.section}>
      <Heading as="h2">
        <Translate id="home.what.title">What the sandbox is</Translate>
      </Heading>
      <div className="row">
        <div className="col col--4">
          <Heading as="h3">
            <Translate id="home.what.platform.title">The same protocol</Translate>
          </Heading>
          <p>
            <Translate id="home.what.platform.body">
              The paths, headers, HMAC signatures, RSA-wrapped content keys, AES-GCM payloads, callbacks and
              D-codes of the real platform. Code that works here moves to the integration testing environment
              by changing its base URL, client ID, secret and keys.
            </Translate>
          </p>
        </div>
        <div className="col col--4">
          <Heading as="h3">
            <Translate id="home.what.residents.title">Synthetic residents</Translate>
          </Heading>
          <p>
            <Translate id="home.what.residents.body">
              Hundreds of residents with names in English and Chinese, e-ME data and both account tiers, plus
              magic residents whose identity decides the outcome: approve, reject, cancel, time out, cannot
              sign.
            </Translate>
          </p>
        </div>
        <div className="col col--4">
          <Heading as="h3">
            <Translate id="home.what.app.title">A virtual iAM Smart app</Translate>
          </Heading>
          <p>
            <Translate id="home.what.app.body">
              A phone-sized web app where you scan the QR code, pick a resident and authorise, reject or
              cancel. Or decide headlessly with two headers, so your CI needs no browser.
            </Translate>
          </p>
        </div>
      </div>
    </section>
  )
}

function QuickStart() {
  return (
    <section className={styles.section}>
      <Heading as="h2" id="quick-start">
        <Translate id="home.quickstart.title">Five-minute quick start</Translate>
      </Heading>
      <ol className={styles.steps}>
        <li>
          <p>
            <Translate id="home.quickstart.step1">
              Start the sandbox. It prints the demo app's client ID, client secret and key encryption key.
            </Translate>
          </p>
          <CodeBlock language="bash">{QUICK_START}</CodeBlock>
        </li>
        <li>
          <p>
            <Translate id="home.quickstart.step2">
              Open the "try a login" link it prints, choose a resident in the virtual app and authorise: your
              browser comes back with a code.
            </Translate>{' '}
            <Translate id="home.quickstart.step2.exchange">
              Press "Exchange this code" on the page it lands on: you see the signed calls and the decrypted
              token.
            </Translate>
          </p>
        </li>
        <li>
          <p>
            <Translate id="home.quickstart.step3">Exchange the code with the typed client:</Translate>
          </p>
          <CodeBlock language="ts">{FIRST_CALL}</CodeBlock>
        </li>
      </ol>
      <p>
        <Link to="/docs/getting-started">
          <Translate id="home.quickstart.more">
            The full walkthrough, and how to switch to the real ITE →
          </Translate>
        </Link>
      </p>
    </section>
  )
}

interface Audience {
  id: string
  title: string
  body: string
  links: { to: string; label: string }[]
}

function Audiences() {
  const audiences: Audience[] = [
    {
      id: 'learn',
      title: translate({ id: 'home.audience.learn.title', message: 'Developers learning the APIs' }),
      body: translate({
        id: 'home.audience.learn.body',
        message:
          'Read how each journey works, with sequence diagrams, code for every step and the API reference generated from the contract.',
      }),
      links: [
        {
          to: '/docs/getting-started',
          label: translate({ id: 'home.audience.learn.start', message: 'Get started' }),
        },
        {
          to: '/docs/concepts',
          label: translate({ id: 'home.audience.learn.link', message: 'Concepts and guides' }),
        },
      ],
    },
    {
      id: 'test',
      title: translate({ id: 'home.audience.test.title', message: 'Developers testing an integration' }),
      body: translate({
        id: 'home.audience.test.body',
        message:
          'Point your back end at the sandbox, log in as synthetic residents, force every failure and run the whole flow headless in CI.',
      }),
      links: [
        {
          to: '/console',
          label: translate({
            id: 'home.audience.test.console',
            message: 'Console: apps, keys, request inspector',
          }),
        },
        {
          to: '/docs/testing/headless',
          label: translate({ id: 'home.audience.test.link', message: 'Testing your integration' }),
        },
      ],
    },
    {
      id: 'help',
      title: translate({ id: 'home.audience.help.title', message: 'Providers who need help' }),
      body: translate({
        id: 'home.audience.help.body',
        message:
          'Look up an error and its fix, or ask the sandbox support team, attaching the failing calls from your request inspector.',
      }),
      links: [
        {
          to: '/docs/troubleshooting',
          label: translate({ id: 'home.audience.help.troubleshooting', message: 'Troubleshooting' }),
        },
        { to: '/support-desk', label: translate({ id: 'home.audience.help.desk', message: 'Support desk' }) },
      ],
    },
    {
      id: 'apply',
      title: translate({ id: 'home.audience.apply.title', message: 'Sandbox Programme applicants' }),
      body: translate({
        id: 'home.audience.apply.body',
        message:
          'Apply to the Sandbox Programme, or for integration-test (ITE) readiness, and follow your application until it is decided.',
      }),
      links: [
        {
          to: '/support-desk?tab=applications',
          label: translate({ id: 'home.audience.apply.link', message: 'Apply on the support desk' }),
        },
      ],
    },
    {
      id: 'staff',
      title: translate({ id: 'home.audience.support.title', message: 'Support staff' }),
      body: translate({
        id: 'home.audience.support.body',
        message:
          'Triage enquiries and programme applications in the staff console; the return codes and the troubleshooting page hold the answers providers need.',
      }),
      links: [
        {
          to: '/staff-console',
          label: translate({ id: 'home.audience.support.console', message: 'Staff console' }),
        },
        {
          to: '/docs/reference/staff-accounts',
          label: translate({
            id: 'home.audience.support.accounts',
            message: 'How staff accounts are created',
          }),
        },
        {
          to: '/docs/reference/dcodes',
          label: translate({ id: 'home.audience.support.dcodes', message: 'Return codes' }),
        },
      ],
    },
  ]
  return (
    <section className={styles.section}>
      <Heading as="h2">
        <Translate id="home.audience.title">Who it is for</Translate>
      </Heading>
      <div className={styles.audiences}>
        {audiences.map((a) => (
          <div key={a.id} className={styles.card} data-testid={`audience-${a.id}`}>
            <Heading as="h3">{a.title}</Heading>
            <p>{a.body}</p>
            <ul className={styles.audienceLinks}>
              {a.links.map((l) => (
                <li key={l.to}>
                  <Link to={l.to}>{l.label} →</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  )
}

export default function Home() {
  return (
    <Layout
      title={translate({ id: 'home.meta.title', message: 'Home' })}
      description={translate({
        id: 'home.meta.description',
        message: 'Build and test your iAM Smart integration against a high-fidelity local sandbox.',
      })}
    >
      <Hero />
      <main className="container">
        <WhatItIs />
        <QuickStart />
        <Audiences />
        <p className={styles.disclaimer}>
          <Translate id="home.disclaimer">
            A developer sandbox with synthetic data only. It is not affiliated with the Digital Policy Office,
            OGCIO or Cyberport; behaviour the public record does not confirm is marked in the fidelity table.
          </Translate>{' '}
          <Link to="/docs/reference/fidelity">
            <Translate id="home.disclaimer.link">Fidelity table</Translate>
          </Link>
        </p>
      </main>
    </Layout>
  )
}
