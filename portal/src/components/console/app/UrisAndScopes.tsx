/** The app's registered redirect URIs and its scopes. */
import Translate, { translate } from '@docusaurus/Translate'
import { useEffect, useState } from 'react'
import { sandboxApi } from '../../shared/api'
import { ActionButton } from '../../shared/feedback'
import { fieldError, TextAreaField } from '../../shared/fields'
import { Section } from '../../shared/Section'
import type { App, ScopeName } from '../../shared/types'
import { lines, ScopeChoice } from '../Apps'
import { ChangeMessage, useChange } from './change'

export function RedirectUris({ app, onApp }: { app: App; onApp(app: App): void }) {
  const registered = app.redirectURIs.join('\n')
  const [text, setText] = useState(registered)
  useEffect(() => setText(registered), [registered])
  const { error, errors, message, run } = useChange(onApp)
  return (
    <Section
      panel
      id="redirect-uris"
      title={<Translate id="console.apps.field.redirectURIs">Redirect URIs</Translate>}
    >
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
            sandboxApi.PUT('/apps/{clientID}/redirect-uris', {
              params: { path: { clientID: app.clientID } },
              body: { redirectURIs: lines(text) },
            }),
          )
        }
      >
        <Translate id="console.app.uris.save">Save redirect URIs</Translate>
      </ActionButton>
    </Section>
  )
}

export function Scopes({ app, onApp }: { app: App; onApp(app: App): void }) {
  const granted = app.scopes.join(' ')
  const [scopes, setScopes] = useState<ScopeName[]>(app.scopes)
  useEffect(() => setScopes(granted ? (granted.split(' ') as ScopeName[]) : []), [granted])
  const { error, errors, message, run } = useChange(onApp)
  return (
    <Section panel id="scopes" title={<Translate id="console.apps.field.scopes">Scopes</Translate>}>
      <ChangeMessage error={error} message={message} fields={['scopes']} />
      <ScopeChoice value={scopes} onChange={setScopes} error={fieldError(errors, 'scopes')} />
      <ActionButton
        onClick={() =>
          run(() =>
            sandboxApi.PUT('/apps/{clientID}/scopes', {
              params: { path: { clientID: app.clientID } },
              body: { scopes },
            }),
          )
        }
      >
        <Translate id="console.app.scopes.save">Save scopes</Translate>
      </ActionButton>
    </Section>
  )
}
