/** One enquiry for staff: the provider's text and files, the attached calls, suggestions, triage, replies, notes. */
import Translate from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { formatHkMinutes } from '../../hk-time'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert, Loading } from '../../shared/feedback'
import { useAction, useLoad } from '../../shared/hooks'
import type { Meta, Session, StaffList } from '../../shared/types'
import { EnquiryText } from '../attachments'
import { ItemArticle, Replies } from '../parts'
import { fieldName, term } from '../terms'
import { AttachedCall } from './AttachedCall'
import { Flags } from './Flags'
import Notes from './Notes'
import StaffReply from './StaffReply'
import SuggestionsPanel from './SuggestionsPanel'
import Triage from './Triage'

export default function EnquiryView({
  meta,
  staff,
  session,
  id,
  onBack,
}: {
  meta: Meta
  staff: StaffList
  session: Session
  id: string
  onBack(): void
}) {
  const {
    data,
    error: loadError,
    reload,
  } = useLoad(async () => {
    const params = { params: { path: { enquiryId: id } } }
    const [enquiry, requests, suggestions] = await Promise.all([
      unwrap(supportApi.GET('/enquiries/{enquiryId}', params)),
      unwrap(supportApi.GET('/enquiries/{enquiryId}/requests', params)),
      unwrap(supportApi.GET('/enquiries/{enquiryId}/suggestions', params)),
    ])
    return { enquiry, calls: requests.items, suggestions }
  }, [id])
  const [run, busy, error] = useAction()
  if (loadError && !data) return <ErrorAlert error={loadError} />
  if (!data) return <Loading />
  const { enquiry, calls, suggestions } = data
  const refresh = () => void reload()
  return (
    <ItemArticle id="staff-enquiry-title" title={enquiry.subject} onBack={onBack}>
      <p>
        {enquiry.reference} · {enquiry.orgName} · {enquiry.createdBy.email} · {fieldName('status')}:{' '}
        <strong data-testid="staff-enquiry-status">{term(enquiry.status)}</strong> · {fieldName('category')}:{' '}
        {term(enquiry.category)} · {fieldName('priority')}: {term(enquiry.priority)} · {fieldName('due')}:{' '}
        {formatHkMinutes(enquiry.targets?.nextDue)} <Flags targets={enquiry.targets} />
      </p>
      <EnquiryText enquiry={enquiry} staff />
      <section aria-labelledby="calls-title">
        <Heading as="h3" id="calls-title">
          <Translate id="support.attachedRequests">Attached requests</Translate> ({calls.length})
        </Heading>
        <ul className="clean-list">
          {calls.map((c) => (
            <AttachedCall key={c.txID} item={c} />
          ))}
        </ul>
      </section>
      <SuggestionsPanel
        enquiry={enquiry}
        suggestions={suggestions}
        isLead={session.account.staffRole === 'lead'}
        busy={busy}
        run={run}
        onMerged={refresh}
      />
      <Triage meta={meta} staff={staff} item={enquiry} onSaved={refresh} />
      <section aria-labelledby="thread-title">
        <Replies enquiry={enquiry} staff />
        <StaffReply
          meta={meta}
          enquiry={enquiry}
          suggestions={suggestions}
          busy={busy}
          run={run}
          onSent={refresh}
        />
        <ErrorAlert error={error} />
      </section>
      <Notes item={enquiry} onSaved={refresh} />
    </ItemArticle>
  )
}
