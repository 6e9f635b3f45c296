/** The app's credentials: rotating the client secret (shown once), the old one kept working for an overlap. */
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { formatHkTime } from '../../hk-time'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert, Notice } from '../../shared/feedback'
import { SelectField } from '../../shared/fields'
import { Fact, Section } from '../../shared/Section'
import type { App } from '../../shared/types'
import { Credentials } from '../Apps'
import styles from '../console.module.css'

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

export default function Secret({ app }: { app: App }) {
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
    <Section panel id="credentials" title={<Translate id="console.app.credentials">Credentials</Translate>}>
      <dl className={styles.kv}>
        <Fact term={<Translate id="console.credentials.clientID">Client ID</Translate>}>
          <code className={styles.secret}>{app.clientID}</code>
        </Fact>
        <Fact term={<Translate id="console.credentials.clientSecret">Client secret</Translate>}>
          <Translate id="console.app.secret.hidden">
            Shown once, at creation and after each rotation.
          </Translate>
        </Fact>
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
    </Section>
  )
}
