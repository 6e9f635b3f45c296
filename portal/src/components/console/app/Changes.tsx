/** The app's change requests: who proposed what and when, approved or rejected by an approver. */
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { formatHkTime } from '../../hk-time'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, Badge, ErrorAlert, Json, Loading } from '../../shared/feedback'
import { TextField } from '../../shared/fields'
import { useLoad } from '../../shared/hooks'
import { Section } from '../../shared/Section'
import { useSignedIn } from '../../shared/session'
import type { App, ChangeRequest } from '../../shared/types'
import ui from '../../shared/ui.module.css'

const statusTone = { pending: 'warning', applied: 'ok', rejected: 'error' } as const

export default function Changes({ app, onApp }: { app: App; onApp(app: App): void }) {
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
    <Section id="changes" title={<Translate id="console.changes.title">Change requests</Translate>}>
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
    </Section>
  )
}
