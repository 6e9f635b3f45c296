/** Forcing an app's content keys (current and previous CEK) to expire now. */
import Translate, { translate } from '@docusaurus/Translate'
import { formatHkTime } from '../../hk-time'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert, Notice } from '../../shared/feedback'
import { useReport } from '../../shared/hooks'
import { Section } from '../../shared/Section'
import type { App } from '../../shared/types'

export default function CekExpiry({ app }: { app: App }) {
  const { message, error, report } = useReport()
  const expire = () =>
    report(async () => {
      const r = await unwrap(
        sandboxApi.POST('/apps/{clientID}/scenarios/expire-cek', {
          params: { path: { clientID: app.clientID } },
        }),
      )
      return translate(
        {
          id: 'console.scenarios.cek.done',
          message: '{count} content keys expired at {when}: the next encrypted call answers D30002.',
        },
        { count: r.expired, when: formatHkTime(r.expiredAt) },
      )
    })
  return (
    <Section
      panel
      id="cek-expiry"
      title={<Translate id="console.scenarios.cek.title">Content key expiry</Translate>}
    >
      <p>
        <Translate id="console.scenarios.cek.intro">
          Expire the app's current and previous CEK now, to test that your code calls getKey again and retries
          once.
        </Translate>
      </p>
      <ErrorAlert error={error} />
      {message && <Notice>{message}</Notice>}
      <ActionButton className="button--secondary" onClick={expire}>
        <Translate id="console.scenarios.cek.button">Force CEK expiry</Translate>
      </ActionButton>
    </Section>
  )
}
