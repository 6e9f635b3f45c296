/** One of the organisation's applications: its status and stage, the reasons it was returned, editing it. */
import Translate from '@docusaurus/Translate'
import { useState } from 'react'
import { ErrorAlert, Loading } from '../../shared/feedback'
import type { Meta } from '../../shared/types'
import { ApplicationFields } from '../ApplicationFields'
import { ApplicationArticle, useApplication } from '../parts'
import ApplicationForm from './ApplicationForm'

export default function ApplicationDetail({ meta, id, onBack }: { meta: Meta; id: string; onBack(): void }) {
  const { data: app, error, setData } = useApplication(id)
  const [editing, setEditing] = useState(false)
  if (error) return <ErrorAlert error={error} />
  if (!app) return <Loading />
  return (
    <ApplicationArticle id="application-title" app={app} statusTestId="application-status" onBack={onBack}>
      {app.decision?.outcome === 'returned' && (
        <div className="alert alert--warning" role="note">
          <strong>
            <Translate id="support.returnedReasons">Returned with these reasons</Translate>
          </strong>
          <ul data-testid="returned-reasons">
            {app.decision.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {app.decision?.outcome === 'approved' && (
        <div className="alert alert--success">
          <Translate id="support.approved">Approved</Translate>
        </div>
      )}
      {editing ? (
        <ApplicationForm
          meta={meta}
          type={app.type}
          existing={app}
          onSaved={(a) => {
            setData(a)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ApplicationFields content={app.content as Record<string, unknown>} />
          {app.status === 'waiting_on_provider' && (
            <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
              <Translate id="support.edit">Edit and resubmit</Translate>
            </button>
          )}
        </>
      )}
    </ApplicationArticle>
  )
}
