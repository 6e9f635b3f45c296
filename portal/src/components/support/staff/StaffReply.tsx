/** Staff's reply to the provider: a canned answer (the suggested ones first), their own words, the next status. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { type FormEvent, useEffect } from 'react'
import { supportApi, unwrap } from '../../shared/api'
import { SelectField, TextAreaField, useFields } from '../../shared/fields'
import { useLoad } from '../../shared/hooks'
import type { Enquiry, Meta, ReplyRequest, Suggestions } from '../../shared/types'
import styles from '../support.module.css'
import { SubmitButton } from '../parts'
import { termOptions } from '../terms'

export default function StaffReply({
  meta,
  enquiry,
  suggestions,
  busy,
  run,
  onSent,
}: {
  meta: Meta
  enquiry: Enquiry
  suggestions: Suggestions | undefined
  busy: boolean
  run(fn: () => Promise<void>): Promise<void>
  onSent(): void
}) {
  const canned = useLoad(async () => (await unwrap(supportApi.GET('/canned-answers'))).items, [])
  const { values, set, bind } = useFields({ cannedId: '', body: '', nextStatus: '' })
  const { cannedId, body, nextStatus } = values
  useEffect(() => {
    if (suggestions && !cannedId && suggestions.cannedAnswers[0])
      set('cannedId', suggestions.cannedAnswers[0])
  }, [suggestions, cannedId])
  const answers = canned.data ?? []
  const suggested = new Set(suggestions?.cannedAnswers ?? [])
  const sorted = [...answers].sort((a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)))
  const chosen = answers.find((c) => c.id === cannedId)
  const reply = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      await unwrap(
        supportApi.POST('/enquiries/{enquiryId}/replies', {
          params: { path: { enquiryId: enquiry.id } },
          body: {
            ...(body ? { body } : {}),
            ...(cannedId ? { cannedAnswerId: cannedId } : {}),
            ...(nextStatus ? { status: nextStatus as ReplyRequest['status'] } : {}),
          },
        }),
      )
      set('body', '')
      set('nextStatus', '')
      onSent()
    })
  }
  const label = translate({ id: 'support.replyToProvider', message: 'Reply to the provider' })
  return (
    <form className={styles.form} onSubmit={reply} aria-label={label}>
      <Heading as="h4">{label}</Heading>
      <SelectField
        label={translate({ id: 'support.cannedAnswer', message: 'Canned answer' })}
        {...bind('cannedId')}
        none={translate({ id: 'support.noCanned', message: 'No canned answer' })}
        options={sorted.map((c) => [c.id, `${suggested.has(c.id) ? '★ ' : ''}${c.title}`] as const)}
      />
      {chosen && (
        <blockquote className={styles.pre} data-testid="canned-preview">
          {chosen.body}
          {chosen.links.map((l) => `\n${l}`).join('')}
        </blockquote>
      )}
      <TextAreaField
        label={translate({ id: 'support.yourReply', message: 'Your reply' })}
        rows={4}
        required={!cannedId}
        {...bind('body')}
      />
      <SelectField
        label={translate({ id: 'support.setStatus', message: 'Then set status' })}
        {...bind('nextStatus')}
        none={translate({ id: 'support.keep', message: 'Keep' })}
        options={termOptions(meta.statuses.filter((s) => s !== 'new' && s !== 'triaged'))}
      />
      <SubmitButton busy={busy}>
        <Translate id="support.send">Send</Translate>
      </SubmitButton>
    </form>
  )
}
