/** Triage of an enquiry or application: its status, priority, category (enquiries) and assignee. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { type FormEvent, useEffect, useState } from 'react'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert, Notice } from '../../shared/feedback'
import { SelectField, useFields } from '../../shared/fields'
import { useAction } from '../../shared/hooks'
import type { Application, Enquiry, Meta, StaffList, TriageRequest } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { fieldName, term, termOptions } from '../terms'

export default function Triage({
  meta,
  staff,
  item,
  onSaved,
}: {
  meta: Meta
  staff: StaffList
  item: Enquiry | Application
  onSaved(): void
}) {
  const allowed = meta.transitions.staff[item.status] ?? []
  const { values, bind, reset } = useFields({
    status: '',
    priority: item.priority ?? 'normal',
    category: item.kind === 'enquiry' ? item.category : '',
    assignee: item.assignee?.id ?? '',
  })
  const { status, priority, category, assignee } = values
  const [run, busy, error] = useAction()
  const [done, setDone] = useState(false)
  useEffect(() => reset(), [item])
  const save = (e: FormEvent) => {
    e.preventDefault()
    setDone(false)
    const body: TriageRequest = {}
    if (status) body.status = status as TriageRequest['status']
    if (priority !== item.priority) body.priority = priority as TriageRequest['priority']
    if (item.kind === 'enquiry' && category !== item.category)
      body.category = category as TriageRequest['category']
    if (assignee !== (item.assignee?.id ?? '')) body.assigneeId = assignee || null
    void run(async () => {
      if (item.kind === 'enquiry')
        await unwrap(
          supportApi.PATCH('/enquiries/{enquiryId}', { params: { path: { enquiryId: item.id } }, body }),
        )
      else
        await unwrap(
          supportApi.PATCH('/applications/{applicationId}', {
            params: { path: { applicationId: item.id } },
            body,
          }),
        )
      setDone(true)
      onSaved()
    })
  }
  const label = translate({ id: 'support.triage', message: 'Triage' })
  return (
    <form className={ui.panel} onSubmit={save} aria-label={label}>
      <Heading as="h3">{label}</Heading>
      <div className={ui.formRow}>
        <SelectField
          label={fieldName('status')}
          {...bind('status')}
          none={`${translate({ id: 'support.keep', message: 'Keep' })} (${term(item.status)})`}
          options={termOptions(allowed.filter((s) => item.kind === 'enquiry' || s !== 'resolved'))}
        />
        <SelectField
          label={fieldName('priority')}
          {...bind('priority')}
          options={termOptions(meta.priorities)}
        />
        {item.kind === 'enquiry' && (
          <SelectField
            label={fieldName('category')}
            {...bind('category')}
            options={termOptions(meta.categories)}
          />
        )}
        <SelectField
          label={fieldName('assignee')}
          {...bind('assignee')}
          none={translate({ id: 'support.unassigned', message: 'Unassigned' })}
          options={staff.map((s) => [s.id, `${s.email} (${s.role})`] as const)}
        />
      </div>
      <button type="submit" className="button button--primary margin-bottom--md" disabled={busy}>
        <Translate id="support.save">Save</Translate>
      </button>
      {done && (
        <Notice>
          <Translate id="support.saved">Saved.</Translate>
        </Notice>
      )}
      <ErrorAlert error={error} />
    </form>
  )
}
