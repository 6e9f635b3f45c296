/** Staff's internal notes on an enquiry or application: never shown to the provider, never mailed. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { useState } from 'react'
import { formatHkMinutes } from '../../hk-time'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert } from '../../shared/feedback'
import { TextAreaField } from '../../shared/fields'
import { useAction } from '../../shared/hooks'
import type { Application, Enquiry } from '../../shared/types'
import { SubmitButton } from '../parts'
import styles from '../support.module.css'

export default function Notes({ item, onSaved }: { item: Enquiry | Application; onSaved(): void }) {
  const [body, setBody] = useState('')
  const [run, busy, error] = useAction()
  const addNote = translate({ id: 'support.addNote', message: 'Add note' })
  const notes = item.notes ?? []
  return (
    <section className={styles.note} aria-labelledby="notes-title" data-testid="internal-notes">
      <Heading as="h3" id="notes-title">
        <Translate id="support.internalNotes">Internal notes</Translate>{' '}
        <span className={styles.soon}>
          <Translate id="support.internalBadge">Internal — never shown to the provider</Translate>
        </span>
      </Heading>
      {notes.length === 0 && (
        <p>
          <Translate id="support.noNotes">No notes.</Translate>
        </p>
      )}
      <ul>
        {notes.map((n) => (
          <li key={n.id}>
            <strong>{n.by?.email ?? ''}</strong> · {formatHkMinutes(n.at)}
            <p className={styles.pre}>{n.body}</p>
          </li>
        ))}
      </ul>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => {
            await unwrap(
              item.kind === 'enquiry'
                ? supportApi.POST('/enquiries/{enquiryId}/notes', {
                    params: { path: { enquiryId: item.id } },
                    body: { body },
                  })
                : supportApi.POST('/applications/{applicationId}/notes', {
                    params: { path: { applicationId: item.id } },
                    body: { body },
                  }),
            )
            setBody('')
            onSaved()
          })
        }}
      >
        <TextAreaField
          label={addNote}
          required
          rows={2}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <SubmitButton busy={busy} className="button--warning">
          {addNote}
        </SubmitButton>
        <ErrorAlert error={error} />
      </form>
    </section>
  )
}
