/** The desk's enquiries tab: filing one, the organisation's enquiries, and the one opened. */
import Translate from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { formatHkMinutes } from '../../hk-time'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert } from '../../shared/feedback'
import { useLoad } from '../../shared/hooks'
import { Table } from '../../shared/Table'
import type { Meta } from '../../shared/types'
import { ItemRow } from '../parts'
import type { Selection } from '../selection'
import { fieldName, term } from '../terms'
import EnquiryDetail from './EnquiryDetail'
import NewEnquiry from './NewEnquiry'

export default function Enquiries({
  meta,
  selection,
  select,
}: {
  meta: Meta
  selection: Selection
  select(s: Selection): void
}) {
  const { data: list, error } = useLoad(
    async () => (await unwrap(supportApi.GET('/enquiries', { params: { query: { limit: 100 } } }))).items,
    [selection],
  )
  if (selection?.kind === 'enquiry') return <EnquiryDetail id={selection.id} onBack={() => select(null)} />
  return (
    <>
      <NewEnquiry meta={meta} onFiled={(e) => select({ kind: 'enquiry', id: e.id })} />
      <Heading as="h2">
        <Translate id="support.yourEnquiries">Your organisation’s enquiries</Translate>
      </Heading>
      <ErrorAlert error={error} />
      {list && list.length === 0 && (
        <p>
          <Translate id="support.noEnquiries">No enquiries yet.</Translate>
        </p>
      )}
      {list && list.length > 0 && (
        <Table
          columns={[
            fieldName('reference'),
            fieldName('subject'),
            fieldName('category'),
            fieldName('status'),
            fieldName('updated'),
          ]}
        >
          {list.map((e) => (
            <ItemRow key={e.id} kind="enquiry" item={e} title={e.subject} select={select}>
              <td>{term(e.category)}</td>
              <td>{term(e.status)}</td>
              <td>{formatHkMinutes(e.updatedAt)}</td>
            </ItemRow>
          ))}
        </Table>
      )}
    </>
  )
}
