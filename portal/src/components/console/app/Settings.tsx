/** The app's name, strict mode and compatibility profile. */
import Translate, { translate } from '@docusaurus/Translate'
import { useEffect, useState } from 'react'
import { sandboxApi } from '../../shared/api'
import { ActionButton } from '../../shared/feedback'
import { fieldError, SelectField, TextField } from '../../shared/fields'
import { Section } from '../../shared/Section'
import type { App } from '../../shared/types'
import { StrictField } from '../Apps'
import { ChangeMessage, useChange } from './change'

/** Compatibility profiles (Reference → Fidelity): `evidence` follows the strongest public evidence. */
type Profile = NonNullable<App['compatibilityProfile']>
const PROFILES: readonly Profile[] = [
  'evidence',
  'flat-callbacks',
  'earlier-address-names',
  'expire-in',
  'unencrypted',
]

export default function Settings({ app, onApp }: { app: App; onApp(app: App): void }) {
  const [name, setName] = useState(app.name)
  const [strict, setStrict] = useState(app.strict)
  const [profile, setProfile] = useState<Profile>(app.compatibilityProfile ?? 'evidence')
  // An approved change (or another tab) updates the app: show its settings.
  useEffect(() => setName(app.name), [app.name])
  useEffect(() => setStrict(app.strict), [app.strict])
  useEffect(() => setProfile(app.compatibilityProfile ?? 'evidence'), [app.compatibilityProfile])
  const { error, errors, message, run } = useChange(onApp)
  return (
    <Section panel id="settings" title={<Translate id="console.app.settings">Settings</Translate>}>
      <ChangeMessage error={error} message={message} fields={['name', 'strict', 'compatibilityProfile']} />
      <TextField
        label={translate({ id: 'console.apps.field.name', message: 'App name' })}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(errors, 'name')}
      />
      <StrictField checked={strict} onChange={setStrict} />
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
            sandboxApi.PATCH('/apps/{clientID}', {
              params: { path: { clientID: app.clientID } },
              body: { name: name.trim(), strict, compatibilityProfile: profile },
            }),
          )
        }
      >
        <Translate id="console.app.settings.save">Save settings</Translate>
      </ActionButton>
    </Section>
  )
}
