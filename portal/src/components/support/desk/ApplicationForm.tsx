/** A programme or ITE-readiness application: submitting it, or editing and resubmitting one returned. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { type FormEvent, useState } from 'react'
import { ApiError, supportApi, unwrap } from '../../shared/api'
import { ErrorAlert } from '../../shared/feedback'
import { fieldError, SelectField, TextAreaField, TextField } from '../../shared/fields'
import { useAction } from '../../shared/hooks'
import type { Application, ApplicationRequest, Contact, Meta } from '../../shared/types'
import { applicationLabels } from '../ApplicationFields'
import { applicationTitle } from '../parts'
import styles from '../support.module.css'

const emptyContact = (): Contact => ({ name: '', email: '', role: '' })

const CONTACT_FIELDS = ['name', 'email', 'phone', 'role'] as const

const contactLabels = () => ({
  name: translate({ id: 'support.contactName', message: 'Name' }),
  email: translate({ id: 'support.contactEmail', message: 'Email' }),
  phone: translate({ id: 'support.contactPhone', message: 'Phone' }),
  role: translate({ id: 'support.contactRole', message: 'Role' }),
})

/** The form's values from an application's content (or the defaults of a new one). */
function valuesOf(c: Record<string, unknown>, meta: Meta): Record<string, string> {
  const tls = c.tls as { minVersion?: string; certificate?: string } | undefined
  return {
    organisationName: String(c.organisationName ?? ''),
    sector: String(c.sector ?? meta.sectors[0]?.id ?? ''),
    useCase: String(c.useCase ?? ''),
    clientID: String(c.clientID ?? ''),
    userJourney: String(c.userJourney ?? ''),
    implementationPlan: String(c.implementationPlan ?? ''),
    enciphermentCertificate: String(c.enciphermentCertificate ?? ''),
    domain: String(c.domain ?? ''),
    tlsMinVersion: String(tls?.minVersion ?? 'TLSv1.2'),
    tlsCertificate: String(tls?.certificate ?? ''),
  }
}

function requestOf(type: 'programme' | 'ite', f: Record<string, string>, contacts: Contact[]) {
  const cleanContacts = contacts.map((x) => ({ ...x, ...(x.phone ? {} : { phone: undefined }) }))
  return (
    type === 'programme'
      ? {
          type,
          organisationName: f.organisationName,
          sector: f.sector,
          useCase: f.useCase,
          contacts: cleanContacts,
        }
      : {
          type,
          ...(f.clientID ? { clientID: f.clientID } : {}),
          userJourney: f.userJourney,
          implementationPlan: f.implementationPlan,
          enciphermentCertificate: f.enciphermentCertificate,
          domain: f.domain,
          tls: {
            minVersion: f.tlsMinVersion,
            ...(f.tlsCertificate ? { certificate: f.tlsCertificate } : {}),
          },
          contacts: cleanContacts,
        }
  ) as ApplicationRequest
}

export default function ApplicationForm({
  meta,
  type,
  existing,
  onSaved,
  onCancel,
}: {
  meta: Meta
  type: 'programme' | 'ite'
  existing?: Application
  onSaved(a: Application): void
  onCancel?(): void
}) {
  const c = (existing?.content ?? {}) as Record<string, unknown>
  const [f, setF] = useState(() => valuesOf(c, meta))
  const [contacts, setContacts] = useState<Contact[]>(
    (c.contacts as Contact[] | undefined)?.map((x) => ({ ...x })) ?? [emptyContact()],
  )
  const [run, busy, error] = useAction()
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  const labels = applicationLabels()
  const field = (k: string) => ({
    label: labels[k as keyof typeof labels],
    value: f[k] ?? '',
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
    error: fieldError(errors, k),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = requestOf(type, f, contacts)
    void run(async () =>
      onSaved(
        await unwrap(
          existing
            ? supportApi.PUT('/applications/{applicationId}', {
                params: { path: { applicationId: existing.id } },
                body,
              })
            : supportApi.POST('/applications', { body }),
        ),
      ),
    )
  }
  const names = contactLabels()
  return (
    <form className={styles.form} onSubmit={submit} aria-label={applicationTitle(type)}>
      <Heading as="h3">{applicationTitle(type)}</Heading>
      {type === 'programme' ? (
        <>
          <TextField required {...field('organisationName')} />
          <SelectField {...field('sector')} options={meta.sectors.map((s) => [s.id, s.name] as const)} />
          <TextAreaField required rows={4} {...field('useCase')} />
        </>
      ) : (
        <>
          <TextAreaField required rows={4} {...field('userJourney')} />
          <TextAreaField required rows={4} {...field('implementationPlan')} />
          <TextAreaField required rows={4} {...field('enciphermentCertificate')} />
          <TextField required {...field('domain')} />
          <SelectField
            {...field('tlsMinVersion')}
            error={fieldError(errors, 'tls.minVersion')}
            options={[
              ['TLSv1.2', 'TLS 1.2'],
              ['TLSv1.3', 'TLS 1.3'],
            ]}
          />
          <TextAreaField
            rows={3}
            {...field('tlsCertificate')}
            error={fieldError(errors, 'tls.certificate')}
          />
        </>
      )}
      <fieldset className={styles.fieldset}>
        <legend>{labels.contacts}</legend>
        {contacts.map((ct, i) => (
          <div key={i} className={styles.grid2}>
            {CONTACT_FIELDS.map((k) => (
              <TextField
                key={k}
                label={`${names[k]} ${i + 1}`}
                required={k !== 'phone'}
                type={k === 'email' ? 'email' : 'text'}
                value={ct[k] ?? ''}
                onChange={(e) =>
                  setContacts(contacts.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))
                }
                error={fieldError(errors, `contacts[${i}].${k}`)}
              />
            ))}
          </div>
        ))}
      </fieldset>
      <ErrorAlert error={error} />
      <div className={styles.bar}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {existing
            ? translate({ id: 'support.resubmit', message: 'Resubmit' })
            : translate({ id: 'support.submit', message: 'Submit' })}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            <Translate id="support.cancel">Cancel</Translate>
          </button>
        )}
      </div>
    </form>
  )
}
