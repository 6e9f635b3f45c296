/** Filing an enquiry: subject, category, severity, the app concerned and its failed calls, description, files. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { type FormEvent, useEffect, useState } from 'react'
import { formatHkMinutes } from '../../hk-time'
import { appChoices } from '../../console/AppPicker'
import { sandboxApi, supportApi, unwrap } from '../../shared/api'
import { ErrorAlert } from '../../shared/feedback'
import {
  CheckboxField,
  fieldError,
  SelectField,
  TextAreaField,
  TextField,
  useFields,
} from '../../shared/fields'
import { useAction, useLoad } from '../../shared/hooks'
import type { Enquiry, EnquiryCreateRequest, InspectorCall, Meta } from '../../shared/types'
import { fileToUpload } from '../attachments'
import styles from '../support.module.css'
import { SubmitButton } from '../parts'
import { fieldName, termOptions } from '../terms'

const splitIds = (text: string) => text.split(/[\s,]+/).filter(Boolean)

/** The organisation's apps, and the failed calls in the chosen app's request inspector. */
function useApps() {
  const apps = useLoad(async () => (await unwrap(sandboxApi.GET('/apps', {}))).items, [])
  const [clientID, setClientID] = useState('')
  useEffect(() => {
    if (apps.data?.[0]) setClientID(apps.data[0].clientID)
  }, [apps.data])
  const failed = useLoad(async () => {
    if (!clientID) return []
    const list = await unwrap(
      sandboxApi.GET('/apps/{clientID}/requests', {
        params: { path: { clientID }, query: { code: 'error', limit: 20 } },
      }),
    )
    return list.items.filter((i): i is InspectorCall => i.kind === 'call')
  }, [clientID])
  return { apps: apps.data ?? [], clientID, setClientID, failed: failed.error ? [] : (failed.data ?? []) }
}

export default function NewEnquiry({ meta, onFiled }: { meta: Meta; onFiled(e: Enquiry): void }) {
  const { apps, clientID, setClientID, failed } = useApps()
  const [picked, setPicked] = useState<string[]>([])
  const [files, setFiles] = useState<File[]>([])
  const [run, busy, error] = useAction()
  const { values, bind, errors } = useFields(
    { subject: '', category: '', severity: 'normal', typed: '', description: '' },
    error,
  )
  const { subject, category, severity, typed, description } = values
  useEffect(() => setPicked([]), [clientID])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const attachments = await Promise.all(files.map(fileToUpload))
      const requestIds = [...new Set([...picked, ...splitIds(typed)])]
      const body: EnquiryCreateRequest = {
        subject,
        description,
        severity: severity as EnquiryCreateRequest['severity'],
        ...(category ? { category: category as EnquiryCreateRequest['category'] } : {}),
        ...(clientID ? { clientID } : {}),
        ...(requestIds.length ? { requestIds } : {}),
        ...(attachments.length ? { attachments } : {}),
      }
      onFiled(await unwrap(supportApi.POST('/enquiries', { body })))
    })
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="new-enquiry">
      <Heading as="h2" id="new-enquiry">
        <Translate id="support.newEnquiry">File an enquiry</Translate>
      </Heading>
      <TextField label={fieldName('subject')} required maxLength={meta.limits.subject} {...bind('subject')} />
      <SelectField
        label={fieldName('category')}
        {...bind('category')}
        none={translate({ id: 'support.categoryAuto', message: 'Let the desk suggest one' })}
        options={termOptions(meta.categories)}
      />
      <SelectField
        label={fieldName('severity')}
        options={termOptions(meta.severities)}
        {...bind('severity')}
      />
      <SelectField
        label={fieldName('app')}
        value={clientID}
        onChange={(e) => setClientID(e.target.value)}
        none={translate({ id: 'support.noApp', message: 'No app' })}
        options={appChoices(apps)}
        error={fieldError(errors, 'clientID')}
      />
      {clientID && (
        <fieldset className={styles.fieldset}>
          <legend>
            <Translate id="support.failedCalls">Recent failed calls of this app</Translate>
          </legend>
          {failed.length === 0 && (
            <p>
              <Translate id="support.noFailedCalls">No failed calls in this app’s inspector.</Translate>
            </p>
          )}
          {failed.map((c) => (
            <CheckboxField
              key={c.txID}
              checked={picked.includes(c.txID)}
              onChange={(e) =>
                setPicked((p) => (e.target.checked ? [...p, c.txID] : p.filter((x) => x !== c.txID)))
              }
              label={
                <>
                  <code>{c.code}</code> {c.operationId} · {formatHkMinutes(c.at)} · <code>{c.txID}</code>
                </>
              }
            />
          ))}
        </fieldset>
      )}
      <TextField
        label={translate({
          id: 'support.typedTxIds',
          message: 'Other request ids (txID), separated by commas or spaces',
        })}
        {...bind('typed', 'requestIds')}
      />
      <TextAreaField
        label={fieldName('description')}
        required
        rows={6}
        maxLength={meta.limits.description}
        {...bind('description')}
      />
      <TextField
        label={fieldName('attachments')}
        type="file"
        multiple
        accept={meta.attachments.extensions.map((x) => `.${x}`).join(',')}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        hint={translate({
          id: 'support.attachmentsHint',
          message: 'png, jpeg, pdf, txt, json or log; at most 2 MB each and 5 per enquiry.',
        })}
      />
      <ErrorAlert
        error={error}
        shownFields={['subject', 'category', 'severity', 'clientID', 'requestIds', 'description']}
      />
      <SubmitButton busy={busy}>
        <Translate id="support.submit">Submit</Translate>
      </SubmitButton>
    </form>
  )
}
