/** A record's diagnosis: what went wrong in plain words, the fix, and the troubleshooting section. */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import clsx from 'clsx'
import { Badge } from '../../shared/feedback'
import type { InspectorDiagnosis } from '../../shared/types'
import styles from '../console.module.css'

export default function Diagnoses({ items }: { items: InspectorDiagnosis[] }) {
  return (
    <>
      <h3>
        <Translate id="console.inspector.diagnosis">Diagnosis</Translate>
      </h3>
      {items.length === 0 && (
        <p>
          <Badge tone="ok">{translate({ id: 'console.inspector.clean', message: 'No problem found' })}</Badge>
        </p>
      )}
      {items.map((d, i) => (
        <div key={`${d.id}-${i}`} className={clsx(styles.diagnosis, styles[`diagnosis_${d.severity}`])}>
          <p className="margin-bottom--sm">
            <Badge tone={d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'neutral'}>
              {d.severity === 'error'
                ? translate({ id: 'console.inspector.severity.error', message: 'error' })
                : d.severity === 'warning'
                  ? translate({ id: 'console.inspector.severity.warning', message: 'warning' })
                  : translate({ id: 'console.inspector.severity.info', message: 'info' })}
            </Badge>{' '}
            <strong>{d.title}</strong>
          </p>
          <p className="margin-bottom--sm">{d.detail}</p>
          <p className="margin-bottom--sm">
            <strong>
              <Translate id="console.inspector.fix">Fix:</Translate>
            </strong>{' '}
            {d.fix}
          </p>
          <Link to={d.link}>
            <Translate id="console.inspector.troubleshooting" values={{ id: <code>{d.id}</code> }}>
              {'Troubleshooting: {id}'}
            </Translate>
          </Link>
        </div>
      ))}
    </>
  )
}
