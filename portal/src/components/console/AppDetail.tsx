/**
 * One app: its credentials (secret rotation, shown once), the key encryption keys A and B and the active one,
 * redirect URIs, scopes, strict mode, and its change requests (approve or reject for approvers). A creator's change
 * in an organisation that is not solo waits for an approver (202); everyone else's applies at once (200).
 */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import { useEffect, useState } from 'react'
import { formatHkTime } from '../hk-time'
import { ApiError, sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Json, Loading, Notice } from '../shared/feedback'
import { CheckboxField, fieldError, SelectField, TextAreaField, TextField } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import { useSignedIn } from '../shared/session'
import type { App, ChangeRequest, KeySlot, ScopeName } from '../shared/types'
import ui from '../shared/ui.module.css'
import { AppPicker, useChosenApp } from './AppPicker'
import { Credentials, lines, ScopeChoice } from './Apps'
import styles from './console.module.css'

type ChangeOutcome = { change: ChangeRequest; app: App }

/** Runs a change and says whether it applied or waits for an approver. */
function useChange(onApplied: (app: App) => void) {
  const [error, setError] = useState<unknown>()
  const [message, setMessage] = useState<string>()
  const run = async (change: () => Promise<ChangeOutcome>) => {
    setMessage(undefined)
    try {
      const out = await change()
      setError(undefined)
      onApplied(out.app)
      setMessage(
        out.change.status === 'pending'
          ? translate({
              id: 'console.app.change.pending',
              message: 'Proposed: the change waits for an approver of your organisation.',
            })
          : translate({ id: 'console.app.change.applied', message: 'Saved: the change applies at once.' }),
      )
    } catch (e) {
      setError(e)
    }
  }
  return { error, message, run }
}

function ChangeMessage({
  error,
  message,
  fields = [],
}: {
  error: unknown
  message?: string
  fields?: string[]
}) {
  return (
    <>
      <ErrorAlert error={error} shownFields={fields} />
      {message && <Notice>{message}</Notice>}
    </>
  )
}

/** How long the old secret keeps working after a rotation (seconds), as offered in the console. */
const overlaps = (): readonly (readonly [string, string])[] => [
  [
    '0',
    translate({
      id: 'console.app.secret.overlap.none',
      message: 'No overlap: refuse it at once (a leaked secret)',
    }),
  ],
  ['600', translate({ id: 'console.app.secret.overlap.10m', message: '10 minutes' })],
  ['3600', translate({ id: 'console.app.secret.overlap.1h', message: '1 hour' })],
  ['86400', translate({ id: 'console.app.secret.overlap.1d', message: '24 hours' })],
  ['604800', translate({ id: 'console.app.secret.overlap.7d', message: '7 days' })],
]

function Secret({ app }: { app: App }) {
  const [secret, setSecret] = useState<string>()
  const [overlap, setOverlap] = useState('3600')
  const [oldUntil, setOldUntil] = useState<number>()
  const [error, setError] = useState<unknown>()
  const rotate = async () => {
    const seconds = Number(overlap)
    if (
      !window.confirm(
        seconds > 0
          ? translate({
              id: 'console.app.secret.confirm.overlap',
              message: 'Rotate the client secret? The current one keeps working for the overlap you chose.',
            })
          : translate({
              id: 'console.app.secret.confirm',
              message: 'Rotate the client secret? The current one stops working at once.',
            }),
      )
    )
      return
    try {
      const r = await unwrap(
        sandboxApi.POST('/apps/{clientID}/secret', {
          params: { path: { clientID: app.clientID } },
          body: { overlapSeconds: seconds },
        }),
      )
      setSecret(r.clientSecret)
      setOldUntil(r.previousSecretValidUntil)
      setError(undefined)
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section className={ui.panel} aria-labelledby="credentials">
      <h2 id="credentials">
        <Translate id="console.app.credentials">Credentials</Translate>
      </h2>
      <dl className={styles.kv}>
        <dt>
          <Translate id="console.credentials.clientID">Client ID</Translate>
        </dt>
        <dd>
          <code className={styles.secret}>{app.clientID}</code>
        </dd>
        <dt>
          <Translate id="console.credentials.clientSecret">Client secret</Translate>
        </dt>
        <dd>
          <Translate id="console.app.secret.hidden">
            Shown once, at creation and after each rotation.
          </Translate>
        </dd>
      </dl>
      <ErrorAlert error={error} />
      {secret && <Credentials clientID={app.clientID} clientSecret={secret} />}
      {secret && (
        <Notice>
          {oldUntil
            ? translate(
                {
                  id: 'console.app.secret.overlapUntil',
                  message: 'The previous secret keeps working until {when}: deploy the new one before then.',
                },
                { when: formatHkTime(oldUntil) },
              )
            : translate({
                id: 'console.app.secret.noOverlap',
                message: 'The previous secret no longer works.',
              })}
        </Notice>
      )}
      <SelectField
        label={translate({ id: 'console.app.secret.overlap', message: 'Keep the old secret working for' })}
        value={overlap}
        onChange={(e) => setOverlap(e.target.value)}
        options={overlaps()}
      />
      <ActionButton className="button--secondary" onClick={rotate}>
        <Translate id="console.app.secret.rotate">Rotate the client secret</Translate>
      </ActionButton>
    </section>
  )
}

/** Compatibility profiles (Reference → Fidelity): `evidence` follows the strongest public evidence. */
type Profile = NonNullable<App['compatibilityProfile']>
const PROFILES: readonly Profile[] = [
  'evidence',
  'flat-callbacks',
  'earlier-address-names',
  'expire-in',
  'unencrypted',
]

function Settings({ app, onApp }: { app: App; onApp(app: App): void }) {
  const [name, setName] = useState(app.name)
  const [strict, setStrict] = useState(app.strict)
  const [profile, setProfile] = useState<Profile>(app.compatibilityProfile ?? 'evidence')
  // An approved change (or another tab) updates the app: show its settings.
  useEffect(() => setName(app.name), [app.name])
  useEffect(() => setStrict(app.strict), [app.strict])
  useEffect(() => setProfile(app.compatibilityProfile ?? 'evidence'), [app.compatibilityProfile])
  const { error, message, run } = useChange(onApp)
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  return (
    <section className={ui.panel} aria-labelledby="settings">
      <h2 id="settings">
        <Translate id="console.app.settings">Settings</Translate>
      </h2>
      <ChangeMessage error={error} message={message} fields={['name', 'strict', 'compatibilityProfile']} />
      <TextField
        label={translate({ id: 'console.apps.field.name', message: 'App name' })}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(errors, 'name')}
      />
      <CheckboxField
        label={translate({ id: 'console.apps.field.strict', message: 'Strict mode' })}
        checked={strict}
        onChange={(e) => setStrict(e.target.checked)}
        hint={translate({
          id: 'console.apps.field.strict.hint',
          message: 'Refuse a raw Base64 signature (not URL-encoded) with D20006, as the real platform may.',
        })}
      />
      <SelectField
        label={translate({ id: 'console.apps.field.compatibilityProfile', message: 'Compatibility profile' })}
        value={profile}
        onChange={(e) => setProfile(e.target.value as Profile)}
        options={PROFILES.map((p) => [p, p] as const)}
        error={fieldError(errors, 'compatibilityProfile')}
        hint={translate({
          id: 'console.apps.field.compatibilityProfile.hint',
          message:
            'Which variant of the details public sources disagree on this app gets (callback layout, address names, expireIn, unencrypted mode). Default: evidence. See Reference → Fidelity.',
        })}
      />
      <ActionButton
        onClick={() =>
          run(() =>
            unwrap(
              sandboxApi.PATCH('/apps/{clientID}', {
                params: { path: { clientID: app.clientID } },
                body: { name: name.trim(), strict, compatibilityProfile: profile },
              }),
            ),
          )
        }
      >
        <Translate id="console.app.settings.save">Save settings</Translate>
      </ActionButton>
    </section>
  )
}

/** A PEM (or Base64) text that holds a private key: never to be uploaded. */
export function looksPrivate(text: string): boolean {
  const t = text.trim()
  // PEM of any private key, or Base64 DER of PKCS#8 (version 0, rsaEncryption) or PKCS#1 RSAPrivateKey.
  return /PRIVATE KEY-----/.test(t) || /^MII[A-Za-z0-9+/]{3}IBA(DAN|AKCA)/.test(t)
}

const pemOf = (label: string, der: ArrayBuffer) => {
  const b64 = btoa(String.fromCharCode(...new Uint8Array(der)))
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`
}

/**
 * A 2048-bit RSA key pair made by the browser (Web Crypto). The private key is saved as a file on this computer and
 * never leaves the browser; the public half is returned for upload.
 */
async function generateKekPair(fileName: string): Promise<string> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  )
  const privatePem = pemOf('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', pair.privateKey))
  const publicPem = pemOf('PUBLIC KEY', await crypto.subtle.exportKey('spki', pair.publicKey))
  const url = URL.createObjectURL(new Blob([privatePem], { type: 'application/x-pem-file' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return publicPem
}

function KeySlotPanel({ app, slot, onApp }: { app: App; slot: KeySlot; onApp(app: App): void }) {
  const [pem, setPem] = useState('')
  const [generated, setGenerated] = useState<string>()
  const [genError, setGenError] = useState<string>()
  const { error, message, run } = useChange((a) => {
    onApp(a)
    setPem('')
  })
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  const key = app.kekPublicKeys[slot]
  const path = { clientID: app.clientID, slot }
  const isPrivate = looksPrivate(pem)
  const privateWarning = translate({
    id: 'console.app.kek.private',
    message:
      'This is a private key: it is not uploaded, and should never leave your server. Paste the public key (-----BEGIN PUBLIC KEY-----) or a certificate instead, or generate a key pair here.',
  })
  const fileName = `iamsmart-kek-${app.clientID.slice(0, 8)}-${slot}-private.pem`
  const generate = async () => {
    try {
      setPem(await generateKekPair(fileName))
      setGenerated(fileName)
      setGenError(undefined)
    } catch (e) {
      setGenError((e as Error).message)
    }
  }
  return (
    <div className={ui.panel}>
      <h3>
        <Translate id="console.app.kek.slot" values={{ slot }}>
          {'Key {slot}'}
        </Translate>{' '}
        {key ? (
          app.activeKek === slot ? (
            <Badge tone="ok">{translate({ id: 'console.app.kek.active', message: 'active' })}</Badge>
          ) : (
            <Badge>{translate({ id: 'console.app.kek.standby', message: 'standby' })}</Badge>
          )
        ) : (
          <Badge tone="warning">{translate({ id: 'console.app.kek.empty', message: 'empty' })}</Badge>
        )}
      </h3>
      {key && (
        <p className={ui.hint}>
          <Translate
            id="console.app.kek.spki"
            values={{ start: <code>{key.slice(0, 24)}…</code>, bytes: key.length }}
          >
            {'Base64 SPKI {start} ({bytes} characters)'}
          </Translate>
        </p>
      )}
      <ChangeMessage error={error} message={message} fields={['publicKey', 'slot']} />
      <p>
        <ActionButton className="button--secondary button--sm" onClick={generate}>
          {translate(
            { id: 'console.app.kek.generate', message: 'Generate a key pair for slot {slot}' },
            { slot },
          )}
        </ActionButton>
      </p>
      {genError && (
        <div className="alert alert--danger margin-bottom--md" role="alert">
          {genError}
        </div>
      )}
      {generated && pem && !isPrivate && (
        <Notice>
          {translate(
            {
              id: 'console.app.kek.generated',
              message:
                'Your browser made a key pair. The private key was saved on this computer as {file} (it is never sent anywhere): move it to your server. The public key below is ready to upload.',
            },
            { file: generated },
          )}
        </Notice>
      )}
      <TextAreaField
        label={translate(
          { id: 'console.app.kek.pem', message: 'Public key for slot {slot} (PEM)' },
          { slot },
        )}
        value={pem}
        rows={5}
        onChange={(e) => {
          setPem(e.target.value)
          setGenerated(undefined)
        }}
        placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
        hint={translate({
          id: 'console.app.kek.pem.hint',
          message:
            'An RSA public key (PEM), an X.509 certificate (PEM or Base64 DER) or Base64 SPKI. Keep the private key on your server.',
        })}
        error={isPrivate ? privateWarning : fieldError(errors, 'publicKey')}
      />
      <div className={ui.buttons}>
        <ActionButton
          disabled={!pem.trim() || isPrivate}
          onClick={() =>
            run(() =>
              unwrap(
                sandboxApi.PUT('/apps/{clientID}/keys/{slot}', {
                  params: { path },
                  body: { publicKey: pem },
                }),
              ),
            )
          }
        >
          {translate({ id: 'console.app.kek.upload', message: 'Upload key {slot}' }, { slot })}
        </ActionButton>
        {key && app.activeKek !== slot && (
          <ActionButton
            className="button--secondary"
            onClick={() =>
              run(() =>
                unwrap(
                  sandboxApi.PUT('/apps/{clientID}/active-key', {
                    params: { path: { clientID: app.clientID } },
                    body: { slot },
                  }),
                ),
              )
            }
          >
            {translate({ id: 'console.app.kek.activate', message: 'Make key {slot} active' }, { slot })}
          </ActionButton>
        )}
        {key && (
          <ActionButton
            className="button--danger button--outline"
            onClick={() =>
              run(() => unwrap(sandboxApi.DELETE('/apps/{clientID}/keys/{slot}', { params: { path } })))
            }
          >
            {translate({ id: 'console.app.kek.remove', message: 'Remove key {slot}' }, { slot })}
          </ActionButton>
        )}
      </div>
    </div>
  )
}

function Keys({ app, onApp }: { app: App; onApp(app: App): void }) {
  return (
    <section className={styles.section} aria-labelledby="keks">
      <h2 id="keks">
        <Translate id="console.app.kek.title">Key encryption keys</Translate>
      </h2>
      <p>
        <Translate id="console.app.kek.intro">
          The platform wraps every content key (CEK) with the active key's public half; your server unwraps it
          with the private half. Two slots let you rotate: upload the new key into the free slot, make it
          active, then remove the old one.
        </Translate>
      </p>
      <div className="row">
        {(['A', 'B'] as const).map((slot) => (
          <div key={slot} className="col col--6">
            <KeySlotPanel app={app} slot={slot} onApp={onApp} />
          </div>
        ))}
      </div>
    </section>
  )
}

function RedirectUris({ app, onApp }: { app: App; onApp(app: App): void }) {
  const registered = app.redirectURIs.join('\n')
  const [text, setText] = useState(registered)
  useEffect(() => setText(registered), [registered])
  const { error, message, run } = useChange(onApp)
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  return (
    <section className={ui.panel} aria-labelledby="redirect-uris">
      <h2 id="redirect-uris">
        <Translate id="console.apps.field.redirectURIs">Redirect URIs</Translate>
      </h2>
      <ChangeMessage error={error} message={message} fields={['redirectURIs']} />
      <TextAreaField
        label={translate({ id: 'console.app.uris.label', message: 'Registered redirect URIs, one per line' })}
        value={text}
        rows={4}
        onChange={(e) => setText(e.target.value)}
        error={fieldError(errors, 'redirectURIs')}
      />
      <ActionButton
        onClick={() =>
          run(() =>
            unwrap(
              sandboxApi.PUT('/apps/{clientID}/redirect-uris', {
                params: { path: { clientID: app.clientID } },
                body: { redirectURIs: lines(text) },
              }),
            ),
          )
        }
      >
        <Translate id="console.app.uris.save">Save redirect URIs</Translate>
      </ActionButton>
    </section>
  )
}

function Scopes({ app, onApp }: { app: App; onApp(app: App): void }) {
  const granted = app.scopes.join(' ')
  const [scopes, setScopes] = useState<ScopeName[]>(app.scopes)
  useEffect(() => setScopes(granted ? (granted.split(' ') as ScopeName[]) : []), [granted])
  const { error, message, run } = useChange(onApp)
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  return (
    <section className={ui.panel} aria-labelledby="scopes">
      <h2 id="scopes">
        <Translate id="console.apps.field.scopes">Scopes</Translate>
      </h2>
      <ChangeMessage error={error} message={message} fields={['scopes']} />
      <ScopeChoice value={scopes} onChange={setScopes} error={fieldError(errors, 'scopes')} />
      <ActionButton
        onClick={() =>
          run(() =>
            unwrap(
              sandboxApi.PUT('/apps/{clientID}/scopes', {
                params: { path: { clientID: app.clientID } },
                body: { scopes },
              }),
            ),
          )
        }
      >
        <Translate id="console.app.scopes.save">Save scopes</Translate>
      </ActionButton>
    </section>
  )
}

const statusTone = { pending: 'warning', applied: 'ok', rejected: 'error' } as const

function Changes({ app, onApp }: { app: App; onApp(app: App): void }) {
  const session = useSignedIn()
  const approver = session.organisation?.role === 'approver'
  const [reason, setReason] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>()
  const {
    data,
    error: loadError,
    reload,
  } = useLoad(
    async () =>
      (
        await unwrap(
          sandboxApi.GET('/apps/{clientID}/changes', { params: { path: { clientID: app.clientID } } }),
        )
      ).items,
    [app.clientID, app.updatedAt],
  )
  const decide = async (change: ChangeRequest, decision: 'approve' | 'reject') => {
    const path = { clientID: app.clientID, changeId: change.id }
    try {
      const out =
        decision === 'approve'
          ? await unwrap(sandboxApi.POST('/apps/{clientID}/changes/{changeId}/approve', { params: { path } }))
          : await unwrap(
              sandboxApi.POST('/apps/{clientID}/changes/{changeId}/reject', {
                params: { path },
                body: reason[change.id]?.trim() ? { reason: reason[change.id]!.trim() } : {},
              }),
            )
      setError(undefined)
      onApp(out.app)
      await reload()
    } catch (e) {
      setError(e)
    }
  }
  const statusLabel = (s: ChangeRequest['status']) =>
    ({
      pending: translate({ id: 'console.changes.status.pending', message: 'pending' }),
      applied: translate({ id: 'console.changes.status.applied', message: 'applied' }),
      rejected: translate({ id: 'console.changes.status.rejected', message: 'rejected' }),
    })[s]
  return (
    <section className={styles.section} aria-labelledby="changes">
      <h2 id="changes">
        <Translate id="console.changes.title">Change requests</Translate>
      </h2>
      <p>
        {session.organisation?.solo
          ? translate({
              id: 'console.changes.solo',
              message: 'Your organisation is solo: every change applies at once and is recorded here.',
            })
          : approver
            ? translate({
                id: 'console.changes.approver',
                message: 'You are an approver: approve or reject what creators propose.',
              })
            : translate({
                id: 'console.changes.creator',
                message: 'You are a creator: your changes wait here until an approver decides.',
              })}
      </p>
      <ErrorAlert error={loadError ?? error} />
      {!data && !loadError && <Loading />}
      {data && data.length === 0 && (
        <p>
          <Translate id="console.changes.none">No change requests.</Translate>
        </p>
      )}
      {data?.map((c) => (
        <div key={c.id} className={ui.panel}>
          <p>
            <Badge tone={statusTone[c.status]}>{statusLabel(c.status)}</Badge> <code>{c.action}</code>{' '}
            <Translate
              id="console.changes.by"
              values={{ who: c.proposedBy.email ?? c.proposedBy.kind, when: formatHkTime(c.proposedAt) }}
            >
              {'proposed by {who} at {when}'}
            </Translate>
            {c.decidedAt && (
              <>
                {' · '}
                <Translate
                  id="console.changes.decided"
                  values={{
                    who: c.decidedBy?.email ?? c.decidedBy?.kind ?? '—',
                    when: formatHkTime(c.decidedAt),
                  }}
                >
                  {'decided by {who} at {when}'}
                </Translate>
              </>
            )}
            {c.reason && <> · {c.reason}</>}
          </p>
          <Json
            value={c.changes}
            label={translate({ id: 'console.changes.json', message: 'Proposed changes' })}
          />
          {c.status === 'pending' && approver && (
            <div className={ui.buttons}>
              <ActionButton onClick={() => decide(c, 'approve')}>
                <Translate id="console.changes.approve">Approve</Translate>
              </ActionButton>
              <TextField
                label={translate({
                  id: 'console.changes.reason',
                  message: 'Reason for rejecting (optional)',
                })}
                value={reason[c.id] ?? ''}
                maxLength={500}
                onChange={(e) => setReason({ ...reason, [c.id]: e.target.value })}
              />
              <ActionButton className="button--danger button--outline" onClick={() => decide(c, 'reject')}>
                <Translate id="console.changes.reject">Reject</Translate>
              </ActionButton>
            </div>
          )}
        </div>
      ))}
    </section>
  )
}

export default function AppDetail() {
  const chosen = useChosenApp()
  const [updated, setUpdated] = useState<App>()
  const app = updated?.clientID === chosen.clientID ? updated : chosen.app
  if (chosen.loading && !chosen.apps) return <Loading />
  return (
    <>
      <AppPicker chosen={chosen} />
      {chosen.apps && chosen.clientID && !app && (
        <ErrorAlert
          error={
            new ApiError(404, {
              title: translate({ id: 'console.app.notFound', message: 'App not found' }),
              detail: chosen.clientID,
            })
          }
        />
      )}
      {app && (
        <div key={app.clientID}>
          <p className={ui.buttons}>
            <Link
              className="button button--secondary button--sm"
              to={`/console/inspector?app=${app.clientID}`}
            >
              <Translate id="console.nav.inspector">Request inspector</Translate>
            </Link>
            <Link
              className="button button--secondary button--sm"
              to={`/console/scenarios?app=${app.clientID}`}
            >
              <Translate id="console.nav.scenarios">Scenarios and clock</Translate>
            </Link>
          </p>
          <Secret app={app} />
          <Keys app={app} onApp={setUpdated} />
          <RedirectUris app={app} onApp={setUpdated} />
          <Scopes app={app} onApp={setUpdated} />
          <Settings app={app} onApp={setUpdated} />
          <Changes app={app} onApp={setUpdated} />
        </div>
      )}
    </>
  )
}
