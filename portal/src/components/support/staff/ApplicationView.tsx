/** One application for staff: its answers, approving it or returning it with reasons, triage, notes. */
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert, Loading } from '../../shared/feedback'
import { TextAreaField } from '../../shared/fields'
import { useAction } from '../../shared/hooks'
import type { Meta, StaffList } from '../../shared/types'
import { ApplicationFields } from '../ApplicationFields'
import { ApplicationArticle, useApplication } from '../parts'
import styles from '../support.module.css'
import { Flags } from './Flags'
import Notes from './Notes'
import Triage from './Triage'

export default function ApplicationView({
  meta,
  staff,
  id,
  onBack,
}: {
  meta: Meta
  staff: StaffList
  id: string
  onBack(): void
}) {
  const path = { applicationId: id }
  const { data: app, error: loadError, reload } = useApplication(id)
  const [reasons, setReasons] = useState('')
  const [run, busy, error] = useAction()
  if (loadError && !app) return <ErrorAlert error={loadError} />
  if (!app) return <Loading />
  const refresh = () => void reload()
  const decide = (what: 'approve' | 'return') =>
    void run(async () => {
      const list = reasons
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean)
      const init = { params: { path }, body: list.length ? { reasons: list } : {} }
      await unwrap(
        what === 'approve'
          ? supportApi.POST('/applications/{applicationId}/approve', init)
          : supportApi.POST('/applications/{applicationId}/return', init),
      )
      setReasons('')
      refresh()
    })
  const open = app.status !== 'resolved' && app.status !== 'closed'
  return (
    <ApplicationArticle
      id="staff-app-title"
      app={app}
      statusTestId="staff-application-status"
      onBack={onBack}
      lead={`${app.orgName ?? app.organisation.name} · `}
      after={
        <>
          {' '}
          <Flags targets={app.targets} />
        </>
      }
    >
      {app.decision && (
        <div className={`alert ${app.decision.outcome === 'approved' ? 'alert--success' : 'alert--warning'}`}>
          {app.decision.outcome === 'approved'
            ? translate({ id: 'support.approved', message: 'Approved' })
            : translate({ id: 'support.returnedReasons', message: 'Returned with these reasons' })}
          <ul>
            {app.decision.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <ApplicationFields content={app.content as Record<string, unknown>} />
      {open && (
        <div className={styles.form}>
          <TextAreaField
            label={translate({ id: 'support.reasons', message: 'Reasons (one per line)' })}
            rows={3}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
          <div className={styles.bar}>
            <button
              type="button"
              className="button button--success"
              disabled={busy}
              onClick={() => decide('approve')}
            >
              <Translate id="support.approve">Approve</Translate>
            </button>
            <button
              type="button"
              className="button button--warning"
              disabled={busy || !reasons.trim()}
              onClick={() => decide('return')}
            >
              <Translate id="support.returnApp">Return with reasons</Translate>
            </button>
          </div>
          <ErrorAlert error={error} />
        </div>
      )}
      <Triage meta={meta} staff={staff} item={app} onSaved={refresh} />
      <Notes item={app} onSaved={refresh} />
    </ApplicationArticle>
  )
}
