/** The organisation's apps (GET /apps) and registering a new one (POST /apps), whose secret is shown once. */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import { type FormEvent, useState } from 'react'
import { sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Loading, Notice } from '../shared/feedback'
import { CheckboxField, fieldError, TextAreaField, TextField, useFields } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import { Fact, FormPanel, Section } from '../shared/Section'
import { Table } from '../shared/Table'
import type { App, NewApp, ScopeName } from '../shared/types'
import ui from '../shared/ui.module.css'
import styles from './console.module.css'

export const SCOPES: readonly ScopeName[] = [
  'eidapi_auth',
  'eidapi_profiles',
  'eidapi_formFilling',
  'eidapi_sign',
  'eidapi_fr',
  'eidapi_bulksign',
]

/** Redirect URIs typed one per line. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The credentials of an app, the secret shown once (after creation or rotation). */
export function Credentials({ clientID, clientSecret }: { clientID: string; clientSecret: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="alert alert--warning margin-bottom--md" role="status" data-testid="credentials">
      <p>
        <strong>
          <Translate id="console.credentials.once">
            Copy the client secret now: it is shown only once. Rotate it if it is lost.
          </Translate>
        </strong>
      </p>
      <dl className={styles.kv}>
        <Fact term={<Translate id="console.credentials.clientID">Client ID</Translate>}>
          <code className={styles.secret} data-testid="client-id">
            {clientID}
          </code>
        </Fact>
        <Fact term={<Translate id="console.credentials.clientSecret">Client secret</Translate>}>
          <code className={styles.secret} data-testid="client-secret">
            {clientSecret}
          </code>
        </Fact>
      </dl>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => {
          void navigator.clipboard
            ?.writeText(`IAMSMART_CLIENT_ID=${clientID}\nIAMSMART_CLIENT_SECRET=${clientSecret}\n`)
            .then(() => setCopied(true))
        }}
      >
        {copied
          ? translate({ id: 'console.credentials.copied', message: 'Copied' })
          : translate({ id: 'console.credentials.copy', message: 'Copy as environment variables' })}
      </button>
    </div>
  )
}

function CreateApp({ onCreated }: { onCreated(app: NewApp): void }) {
  const { values, bind, reset, error, fail, errors } = useFields({ name: '', redirectURIs: '' })
  const [scopes, setScopes] = useState<ScopeName[]>(['eidapi_auth', 'eidapi_profiles'])
  const [strict, setStrict] = useState(false)

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    try {
      const app = await unwrap(
        sandboxApi.POST('/apps', {
          body: { name: values.name.trim(), redirectURIs: lines(values.redirectURIs), scopes, strict },
        }),
      )
      fail(undefined)
      reset()
      onCreated(app)
    } catch (err) {
      fail(err)
    }
  }

  return (
    <FormPanel
      id="create-app"
      title={<Translate id="console.apps.create.title">Register an app</Translate>}
      onSubmit={submit}
    >
      <ErrorAlert error={error} shownFields={['name', 'redirectURIs', 'scopes', 'strict']} />
      <TextField
        label={translate({ id: 'console.apps.field.name', message: 'App name' })}
        required
        {...bind('name')}
      />
      <TextAreaField
        label={translate({ id: 'console.apps.field.redirectURIs', message: 'Redirect URIs' })}
        rows={3}
        placeholder="https://osp.example/iamsmart/return"
        hint={translate({
          id: 'console.apps.field.redirectURIs.hint',
          message:
            'One per line, matched exactly: where browsers return after login and where callbacks are sent.',
        })}
        {...bind('redirectURIs')}
      />
      <ScopeChoice value={scopes} onChange={setScopes} error={fieldError(errors, 'scopes')} />
      <StrictField checked={strict} onChange={setStrict} />
      <ActionButton type="submit">
        <Translate id="console.apps.create.submit">Register app</Translate>
      </ActionButton>
    </FormPanel>
  )
}

/** Strict mode: a raw Base64 signature is refused, as the real platform may. */
export function StrictField({ checked, onChange }: { checked: boolean; onChange(strict: boolean): void }) {
  return (
    <CheckboxField
      label={translate({ id: 'console.apps.field.strict', message: 'Strict mode' })}
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      hint={translate({
        id: 'console.apps.field.strict.hint',
        message: 'Refuse a raw Base64 signature (not URL-encoded) with D20006, as the real platform may.',
      })}
    />
  )
}

export function ScopeChoice({
  value,
  onChange,
  error,
}: {
  value: ScopeName[]
  onChange(scopes: ScopeName[]): void
  error?: string
}) {
  return (
    <fieldset className={ui.field}>
      <legend>
        <strong>
          <Translate id="console.apps.field.scopes">Scopes</Translate>
        </strong>
      </legend>
      {SCOPES.map((s) => (
        <CheckboxField
          key={s}
          label={<code>{s}</code>}
          checked={value.includes(s)}
          onChange={(e) => onChange(e.target.checked ? [...value, s] : value.filter((x) => x !== s))}
        />
      ))}
      {error && (
        <small className={ui.fieldError} role="alert">
          {error}
        </small>
      )}
    </fieldset>
  )
}

export function keyStatus(app: App) {
  const slots = (['A', 'B'] as const).filter((s) => app.kekPublicKeys[s])
  if (slots.length === 0)
    return <Badge tone="warning">{translate({ id: 'console.apps.noKek', message: 'No KEK yet' })}</Badge>
  return (
    <Badge tone="ok">
      {translate({ id: 'console.apps.kekActive', message: 'KEK {slot} active' }, { slot: app.activeKek })}
    </Badge>
  )
}

export default function Apps() {
  const { data, error, loading, reload } = useLoad(
    async () => (await unwrap(sandboxApi.GET('/apps', {}))).items,
    [],
  )
  const [created, setCreated] = useState<NewApp>()

  return (
    <>
      {created && (
        <>
          <Notice>
            <Translate id="console.apps.created" values={{ name: <strong>{created.name}</strong> }}>
              {'{name} is registered.'}
            </Translate>{' '}
            <Link to={`/console/app?app=${created.clientID}`}>
              <Translate id="console.apps.created.next">Next: upload its key encryption key</Translate>
            </Link>
          </Notice>
          <Credentials clientID={created.clientID} clientSecret={created.clientSecret} />
        </>
      )}
      <Section
        id="your-apps"
        title={<Translate id="console.apps.list.title">Your organisation's apps</Translate>}
      >
        {loading && !data && <Loading />}
        <ErrorAlert error={error} />
        {data && data.length === 0 && (
          <p>
            <Translate id="console.apps.list.empty">No app yet: register the first one below.</Translate>
          </p>
        )}
        {data && data.length > 0 && (
          <Table
            columns={[
              <Translate id="console.apps.col.name">Name</Translate>,
              <Translate id="console.credentials.clientID">Client ID</Translate>,
              <Translate id="console.apps.field.scopes">Scopes</Translate>,
              <Translate id="console.apps.col.keys">Keys</Translate>,
              <Translate id="console.apps.col.tools">Tools</Translate>,
            ]}
          >
            {data.map((a) => (
              <tr key={a.clientID}>
                <td>
                  <Link to={`/console/app?app=${a.clientID}`}>{a.name}</Link>
                </td>
                <td>
                  <code>{a.clientID}</code>
                </td>
                <td>{a.scopes.join(' ')}</td>
                <td>{keyStatus(a)}</td>
                <td>
                  <Link to={`/console/inspector?app=${a.clientID}`}>
                    <Translate id="console.nav.inspector">Request inspector</Translate>
                  </Link>
                  {' · '}
                  <Link to={`/console/scenarios?app=${a.clientID}`}>
                    <Translate id="console.apps.scenarios">Scenarios</Translate>
                  </Link>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <CreateApp
        onCreated={(app) => {
          setCreated(app)
          void reload()
          window.scrollTo({ top: 0 })
        }}
      />
    </>
  )
}
