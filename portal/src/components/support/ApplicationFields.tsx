/** An application's answers under the form's own labels (not the API's field names), in the reader's language. */
import { translate } from '@docusaurus/Translate'
import type { ReactNode } from 'react'
import ui from '../shared/ui.module.css'
import styles from './support.module.css'
import { fieldName, term } from './terms'

/** The labels of an application's answers, shared with the application form. */
export const applicationLabels = () => ({
  organisationName: translate({ id: 'support.organisationName', message: 'Organisation name' }),
  sector: translate({ id: 'support.sector', message: 'Industry sector' }),
  useCase: translate({ id: 'support.useCase', message: 'Use case' }),
  clientID: fieldName('app'),
  userJourney: translate({ id: 'support.userJourney', message: 'User-journey design' }),
  implementationPlan: translate({ id: 'support.implementationPlan', message: 'Implementation plan' }),
  enciphermentCertificate: translate({
    id: 'support.enciphermentCertificate',
    message: 'Encipherment certificate (PEM)',
  }),
  domain: translate({ id: 'support.domain', message: 'Domain' }),
  tlsMinVersion: translate({ id: 'support.tlsMinVersion', message: 'Minimum TLS version' }),
  tlsCertificate: translate({ id: 'support.tlsCertificate', message: 'TLS certificate (PEM, optional)' }),
  contacts: translate({ id: 'support.contacts', message: 'Contacts' }),
})

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)

export function ApplicationFields({ content }: { content: Record<string, unknown> }) {
  const labels = applicationLabels()
  const rows: [string, ReactNode][] = []
  for (const key of [
    'organisationName',
    'sector',
    'useCase',
    'clientID',
    'userJourney',
    'implementationPlan',
    'enciphermentCertificate',
    'domain',
  ] as const) {
    const v = str(content[key])
    if (v === undefined) continue
    rows.push([labels[key], key === 'sector' ? term(v) : key === 'clientID' ? <code>{v}</code> : v])
  }
  const tls = content.tls as { minVersion?: string; certificate?: string } | undefined
  if (tls?.minVersion) rows.push([labels.tlsMinVersion, tls.minVersion])
  if (tls?.certificate) rows.push([labels.tlsCertificate, tls.certificate])
  const contacts = Array.isArray(content.contacts) ? (content.contacts as Record<string, unknown>[]) : []
  if (contacts.length > 0)
    rows.push([
      labels.contacts,
      <ul key="contacts" className="margin-bottom--none">
        {contacts.map((c, i) => (
          <li key={i}>
            {[str(c.name), str(c.role), str(c.email), str(c.phone)].filter(Boolean).join(' · ')}
          </li>
        ))}
      </ul>,
    ])
  return (
    <dl className={ui.panel} data-testid="application-fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={styles.pre}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
