/** The desk's applications tab: the organisation's programme stage, its applications, and the next one to submit. */
import Translate from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert } from '../../shared/feedback'
import { useLoad } from '../../shared/hooks'
import type { Meta, Session } from '../../shared/types'
import { ItemLink } from '../parts'
import type { Selection } from '../selection'
import { term } from '../terms'
import ApplicationDetail from './ApplicationDetail'
import ApplicationForm from './ApplicationForm'

export default function Applications({
  meta,
  session,
  selection,
  select,
}: {
  meta: Meta
  session: Session
  selection: Selection
  select(s: Selection): void
}) {
  const orgId = session.organisation?.id
  const { data: programme, error } = useLoad(
    async () =>
      orgId
        ? unwrap(supportApi.GET('/organisations/{orgId}/programme', { params: { path: { orgId } } }))
        : undefined,
    [orgId, selection],
  )
  if (selection?.kind === 'application')
    return <ApplicationDetail meta={meta} id={selection.id} onBack={() => select(null)} />
  const openApp = programme?.applications.find((a) => a.status !== 'resolved' && a.status !== 'closed')
  return (
    <>
      <ErrorAlert error={error} />
      {programme && (
        <>
          <p>
            <Translate id="support.programmeStage">Programme stage</Translate>:{' '}
            <strong data-testid="programme-stage">{term(programme.organisation.programmeStatus)}</strong> ·{' '}
            <Translate id="support.nextApplication">Next application</Translate>:{' '}
            {programme.next ? (
              term(programme.next)
            ) : (
              <Translate id="support.noneNeeded">None: the organisation is ITE-ready.</Translate>
            )}
          </p>
          <Heading as="h2">
            <Translate id="support.applications">Applications</Translate>
          </Heading>
          {programme.applications.length === 0 ? (
            <p>
              <Translate id="support.noApplications">No applications yet.</Translate>
            </p>
          ) : (
            <ul>
              {programme.applications.map((a) => (
                <li key={a.id}>
                  <ItemLink item={{ kind: 'application', id: a.id }} select={select}>
                    {a.reference}
                  </ItemLink>{' '}
                  · {term(a.type)} · {term(a.status)} · <Translate id="support.revision">Revision</Translate>{' '}
                  {a.revision}
                </li>
              ))}
            </ul>
          )}
          {programme.next && !openApp && (
            <ApplicationForm
              meta={meta}
              type={programme.next}
              onSaved={(a) => select({ kind: 'application', id: a.id })}
            />
          )}
        </>
      )}
    </>
  )
}
