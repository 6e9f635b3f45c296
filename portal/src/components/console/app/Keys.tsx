/** The app's key encryption keys A and B: upload, generate in the browser, make active, remove. */
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { sandboxApi } from '../../shared/api'
import { ActionButton, Badge, Notice } from '../../shared/feedback'
import { fieldError, TextAreaField } from '../../shared/fields'
import { Section } from '../../shared/Section'
import type { App, KeySlot } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { ChangeMessage, useChange } from './change'
import { generateKekPair, looksPrivate } from './kek'

function KeySlotPanel({ app, slot, onApp }: { app: App; slot: KeySlot; onApp(app: App): void }) {
  const [pem, setPem] = useState('')
  const [generated, setGenerated] = useState<string>()
  const [genError, setGenError] = useState<string>()
  const { error, errors, message, run } = useChange((a) => {
    onApp(a)
    setPem('')
  })
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
              sandboxApi.PUT('/apps/{clientID}/keys/{slot}', {
                params: { path },
                body: { publicKey: pem },
              }),
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
                sandboxApi.PUT('/apps/{clientID}/active-key', {
                  params: { path: { clientID: app.clientID } },
                  body: { slot },
                }),
              )
            }
          >
            {translate({ id: 'console.app.kek.activate', message: 'Make key {slot} active' }, { slot })}
          </ActionButton>
        )}
        {key && (
          <ActionButton
            className="button--danger button--outline"
            onClick={() => run(() => sandboxApi.DELETE('/apps/{clientID}/keys/{slot}', { params: { path } }))}
          >
            {translate({ id: 'console.app.kek.remove', message: 'Remove key {slot}' }, { slot })}
          </ActionButton>
        )}
      </div>
    </div>
  )
}

export default function Keys({ app, onApp }: { app: App; onApp(app: App): void }) {
  return (
    <Section id="keks" title={<Translate id="console.app.kek.title">Key encryption keys</Translate>}>
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
    </Section>
  )
}
