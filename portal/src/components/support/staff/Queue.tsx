/** The staff queue: enquiries and applications in one list, filtered and sorted, with their deadlines and flags. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { useState } from 'react'
import { formatHkMinutes } from '../../hk-time'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert } from '../../shared/feedback'
import { SelectField } from '../../shared/fields'
import { useLoad } from '../../shared/hooks'
import { Table } from '../../shared/Table'
import type { Meta, QueueQuery, StaffList } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { ItemRow } from '../parts'
import type { Selection } from '../selection'
import { fieldName, term, termOptions } from '../terms'
import { Flags } from './Flags'

const FILTERS = ['kind', 'status', 'category', 'priority', 'assignee', 'breach', 'sort'] as const
type Filters = Record<(typeof FILTERS)[number], string>
type Options = (readonly [string, string])[]

const any = () => translate({ id: 'support.any', message: 'Any' })

/** Each filter's choices as [value, label]. */
function options(meta: Meta, staff: StaffList): Record<(typeof FILTERS)[number], Options> {
  return {
    kind: [['', any()], ...termOptions(['enquiry', 'application'])],
    status: [
      ['open', translate({ id: 'support.openItems', message: 'Open items' })],
      ['all', any()],
      ...termOptions(meta.statuses),
    ],
    category: [['', any()], ...termOptions(meta.categories)],
    priority: [['', any()], ...termOptions(meta.priorities)],
    assignee: [
      ['', any()],
      ['me', translate({ id: 'support.me', message: 'Me' })],
      ['none', translate({ id: 'support.unassigned', message: 'Unassigned' })],
      ...staff.map((s): [string, string] => [s.id, s.email]),
    ],
    breach: [
      ['', any()],
      ['any', fieldName('breach')],
      ['first_response', translate({ id: 'support.breachFirst', message: 'First response late' })],
      ['resolution', translate({ id: 'support.breachResolution', message: 'Resolution late' })],
      ['due_soon', translate({ id: 'support.dueSoon', message: 'Due soon' })],
      ['none', '—'],
    ],
    sort: [
      ['due', `${fieldName('due')} ↑`],
      ['-due', `${fieldName('due')} ↓`],
      ['priority', fieldName('priority')],
      ['-created', translate({ id: 'support.created', message: 'Filed' })],
      ['-updated', fieldName('updated')],
    ],
  }
}

export default function Queue({
  meta,
  staff,
  select,
}: {
  meta: Meta
  staff: StaffList
  select(s: Selection): void
}) {
  const [filters, setFilters] = useState<Filters>({
    kind: '',
    status: 'open',
    category: '',
    priority: '',
    assignee: '',
    breach: '',
    sort: 'due',
  })
  const {
    data: items,
    error,
    loading,
    reload,
  } = useLoad(async () => {
    const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as QueueQuery
    return (await unwrap(supportApi.GET('/queue', { params: { query: { ...query, limit: 200 } } }))).items
  }, [filters])
  const choices = options(meta, staff)
  return (
    <section aria-labelledby="queue-title">
      <Heading as="h2" id="queue-title">
        <Translate id="support.queue">Queue</Translate>
      </Heading>
      <div className={ui.formRow}>
        {FILTERS.map((k) => (
          <SelectField
            key={k}
            label={fieldName(k)}
            value={filters[k]}
            onChange={(e) => setFilters({ ...filters, [k]: e.target.value })}
            options={choices[k]}
          />
        ))}
        <div className={ui.field}>
          <span aria-hidden="true">&nbsp;</span>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void reload()}
            disabled={loading}
          >
            <Translate id="support.refresh">Refresh</Translate>
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {items && items.length === 0 && (
        <p>
          <Translate id="support.emptyQueue">Nothing in the queue matches.</Translate>
        </p>
      )}
      {items && items.length > 0 && (
        <Table
          testId="queue"
          columns={[
            fieldName('reference'),
            <Translate id="support.title">Title</Translate>,
            <Translate id="support.organisation">Organisation</Translate>,
            fieldName('category'),
            fieldName('status'),
            fieldName('priority'),
            fieldName('assignee'),
            fieldName('due'),
            fieldName('breach'),
          ]}
        >
          {items.map((i) => (
            <ItemRow key={i.id} kind={i.kind} item={i} title={i.title} select={select}>
              <td>{i.orgName ?? i.orgId.slice(0, 8)}</td>
              <td>{i.kind === 'enquiry' ? term(i.category) : term(i.type)}</td>
              <td>{term(i.status)}</td>
              <td>{term(i.priority)}</td>
              <td>{i.assignee?.email ?? translate({ id: 'support.unassigned', message: 'Unassigned' })}</td>
              <td>{formatHkMinutes(i.targets.nextDue)}</td>
              <td>
                <Flags targets={i.targets} />
              </td>
            </ItemRow>
          ))}
        </Table>
      )}
    </section>
  )
}
