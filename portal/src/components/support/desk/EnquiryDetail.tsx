/** One of the organisation's enquiries as its provider sees it: the thread, replying, resolving, closing, reopening. */
import Translate, { translate } from '@docusaurus/Translate'
import { type FormEvent, useState } from 'react'
import { supportApi, unwrap } from '../../shared/api'
import { ErrorAlert, Loading } from '../../shared/feedback'
import { TextAreaField, TextField } from '../../shared/fields'
import { useAction, useLoad } from '../../shared/hooks'
import { EnquiryText, fileToUpload } from '../attachments'
import { ItemArticle, Replies, SubmitButton } from '../parts'
import styles from '../support.module.css'
import { fieldName, term } from '../terms'

type Action = 'resolve' | 'close' | 'reopen'

export default function EnquiryDetail({ id, onBack }: { id: string; onBack(): void }) {
  const path = { enquiryId: id }
  const {
    data: enquiry,
    error: loadError,
    setData,
  } = useLoad(() => unwrap(supportApi.GET('/enquiries/{enquiryId}', { params: { path } })), [id])
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [run, busy, error] = useAction()
  if (loadError) return <ErrorAlert error={loadError} />
  if (!enquiry) return <Loading />
  const closed = enquiry.status === 'closed' || enquiry.status === 'resolved'
  const act = (action: Action) =>
    void run(async () => {
      const init = { params: { path } }
      setData(
        await unwrap(
          action === 'resolve'
            ? supportApi.POST('/enquiries/{enquiryId}/resolve', init)
            : action === 'close'
              ? supportApi.POST('/enquiries/{enquiryId}/close', init)
              : supportApi.POST('/enquiries/{enquiryId}/reopen', init),
        ),
      )
    })
  const sendReply = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const attachments = await Promise.all(files.map(fileToUpload))
      setData(
        await unwrap(
          supportApi.POST('/enquiries/{enquiryId}/replies', {
            params: { path },
            body: { body, ...(attachments.length ? { attachments } : {}) },
          }),
        ),
      )
      setBody('')
      setFiles([])
    })
  }
  const button = (action: Action, className: string, label: string) => (
    <button type="button" className={`button ${className}`} disabled={busy} onClick={() => act(action)}>
      {label}
    </button>
  )
  return (
    <ItemArticle id="enquiry-title" title={enquiry.subject} onBack={onBack}>
      <p>
        {fieldName('reference')}: <strong>{enquiry.reference}</strong> · {fieldName('status')}:{' '}
        <strong data-testid="enquiry-status">{term(enquiry.status)}</strong> · {fieldName('category')}:{' '}
        {term(enquiry.category)} · {fieldName('severity')}: {term(enquiry.severity)}
        {enquiry.appName ? ` · ${fieldName('app')}: ${enquiry.appName}` : ''}
      </p>
      <EnquiryText enquiry={enquiry} />
      <Replies enquiry={enquiry} />
      <div className={styles.bar}>
        {!closed &&
          button(
            'resolve',
            'button--success',
            translate({ id: 'support.resolve', message: 'Mark resolved' }),
          )}
        {enquiry.status !== 'closed' &&
          button('close', 'button--secondary', translate({ id: 'support.close', message: 'Close' }))}
        {closed &&
          !enquiry.mergedInto &&
          button('reopen', 'button--warning', translate({ id: 'support.reopen', message: 'Reopen' }))}
      </div>
      {!closed && (
        <form className={styles.form} onSubmit={sendReply}>
          <TextAreaField
            label={translate({ id: 'support.yourReply', message: 'Your reply' })}
            required
            rows={4}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <TextField
            label={fieldName('attachments')}
            type="file"
            multiple
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
          <SubmitButton busy={busy}>
            <Translate id="support.send">Send</Translate>
          </SubmitButton>
        </form>
      )}
      <ErrorAlert error={error} />
    </ItemArticle>
  )
}
