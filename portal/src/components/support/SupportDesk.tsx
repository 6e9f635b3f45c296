/** The providers' support desk: their organisation's enquiries and programme applications. */
import Heading from '@theme/Heading'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import {
  type App,
  type Application,
  type AttachmentUpload,
  type Contact,
  type Enquiry,
  fileToUpload,
  formatTime,
  type InspectorCall,
  type InspectorItem,
  type Meta,
  type Programme,
  sandbox,
  type Session,
  support,
} from './api'
import { useTexts } from './strings'
import styles from './support.module.css'
import {
  ApplicationFields,
  Done,
  ErrorBox,
  type Selection,
  SupportFrame,
  useAction,
  useSelection,
} from './ui'

const splitIds = (text: string) => text.split(/[\s,]+/).filter(Boolean)

function useMeta(): Meta | null {
  const [meta, setMeta] = useState<Meta | null>(null)
  useEffect(() => {
    support<Meta>('/meta').then(setMeta, () => setMeta(null))
  }, [])
  return meta
}

function NewEnquiry({ meta, onFiled }: { meta: Meta; onFiled: (e: Enquiry) => void }) {
  const { t, term } = useTexts()
  const [apps, setApps] = useState<App[]>([])
  const [clientID, setClientID] = useState('')
  const [failed, setFailed] = useState<InspectorCall[]>([])
  const [picked, setPicked] = useState<string[]>([])
  const [typed, setTyped] = useState('')
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState('')
  const [severity, setSeverity] = useState('normal')
  const [files, setFiles] = useState<File[]>([])
  const [run, busy, error] = useAction()

  useEffect(() => {
    sandbox<{ items: App[] }>('/apps').then(
      (l) => {
        setApps(l.items)
        if (l.items[0]) setClientID(l.items[0].clientID)
      },
      () => setApps([]),
    )
  }, [])
  useEffect(() => {
    setPicked([])
    if (!clientID) return setFailed([])
    sandbox<{ items: InspectorItem[] }>(`/apps/${clientID}/requests?code=error&limit=20`).then(
      (l) => setFailed(l.items.filter((i): i is InspectorCall => i.kind === 'call')),
      () => setFailed([]),
    )
  }, [clientID])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const attachments: AttachmentUpload[] = await Promise.all(files.map(fileToUpload))
      const requestIds = [...new Set([...picked, ...splitIds(typed)])]
      const created = await support<Enquiry>('/enquiries', 'POST', {
        subject,
        description,
        severity,
        ...(category ? { category } : {}),
        ...(clientID ? { clientID } : {}),
        ...(requestIds.length ? { requestIds } : {}),
        ...(attachments.length ? { attachments } : {}),
      })
      onFiled(created)
    })
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="new-enquiry">
      <Heading as="h2" id="new-enquiry">
        {t.newEnquiry}
      </Heading>
      <label>
        {t.subject}
        <input
          required
          maxLength={meta.limits.subject}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </label>
      <label>
        {t.category}
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{t.categoryAuto}</option>
          {meta.categories.map((c) => (
            <option key={c} value={c}>
              {term(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.severity}
        <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
          {meta.severities.map((c) => (
            <option key={c} value={c}>
              {term(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.app}
        <select value={clientID} onChange={(e) => setClientID(e.target.value)}>
          <option value="">{t.noApp}</option>
          {apps.map((a) => (
            <option key={a.clientID} value={a.clientID}>
              {a.name} ({a.clientID.slice(0, 8)}…)
            </option>
          ))}
        </select>
      </label>
      {clientID && (
        <fieldset>
          <legend>{t.failedCalls}</legend>
          {failed.length === 0 && <p>{t.noFailedCalls}</p>}
          {failed.map((c) => (
            <label key={c.txID} className={styles.check}>
              <input
                type="checkbox"
                checked={picked.includes(c.txID)}
                onChange={(e) =>
                  setPicked((p) => (e.target.checked ? [...p, c.txID] : p.filter((x) => x !== c.txID)))
                }
              />
              <span>
                <code>{c.code}</code> {c.operationId} · {formatTime(c.at)} · <code>{c.txID}</code>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t.typedTxIds}
        <input value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <label>
        {t.description}
        <textarea
          required
          rows={6}
          maxLength={meta.limits.description}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      <label>
        {t.attachments}
        <input
          type="file"
          multiple
          accept={meta.attachments.extensions.map((x) => `.${x}`).join(',')}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
        <small>{t.attachmentsHint}</small>
      </label>
      <ErrorBox error={error} />
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t.submit}
        </button>
      </div>
    </form>
  )
}

function EnquiryDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, term } = useTexts()
  const [enquiry, setEnquiry] = useState<Enquiry | null>(null)
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [run, busy, error] = useAction()
  const [load, , loadError] = useAction()
  useEffect(() => {
    void load(async () => setEnquiry(await support<Enquiry>(`/enquiries/${id}`)))
  }, [id, load])
  if (loadError) return <ErrorBox error={loadError} />
  if (!enquiry) return <p role="status">{t.loading}</p>
  const closed = enquiry.status === 'closed' || enquiry.status === 'resolved'
  const act = (path: string, payload?: unknown) =>
    void run(async () => setEnquiry(await support<Enquiry>(`/enquiries/${id}/${path}`, 'POST', payload)))
  const sendReply = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const attachments = await Promise.all(files.map(fileToUpload))
      setEnquiry(
        await support<Enquiry>(`/enquiries/${id}/replies`, 'POST', {
          body,
          ...(attachments.length ? { attachments } : {}),
        }),
      )
      setBody('')
      setFiles([])
    })
  }
  return (
    <article aria-labelledby="enquiry-title">
      <button type="button" className="button button--link" onClick={onBack}>
        ← {t.back}
      </button>
      <Heading as="h2" id="enquiry-title">
        {enquiry.subject}
      </Heading>
      <p>
        {t.reference}: <strong>{enquiry.reference}</strong> · {t.status}:{' '}
        <strong data-testid="enquiry-status">{term(enquiry.status)}</strong> · {t.category}:{' '}
        {term(enquiry.category)} · {t.severity}: {term(enquiry.severity)}
        {enquiry.appName ? ` · ${t.app}: ${enquiry.appName}` : ''}
      </p>
      <div className={styles.card}>
        <p className={styles.pre}>{enquiry.description}</p>
        {enquiry.requestIds.length > 0 && (
          <p>
            {t.attachedRequests}:{' '}
            {enquiry.requestIds.map((r) => (
              <code key={r}>{r} </code>
            ))}
          </p>
        )}
        {enquiry.attachments.length > 0 && (
          <ul aria-label={t.files}>
            {enquiry.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/support/v1/enquiries/${enquiry.id}/attachments/${a.id}`} download>
                  {a.filename}
                </a>{' '}
                ({a.size} B)
              </li>
            ))}
          </ul>
        )}
      </div>
      <Heading as="h3">{t.replies}</Heading>
      {enquiry.replies.length === 0 && <p>{t.noReplies}</p>}
      <ol className="clean-list" aria-label={t.replies}>
        {enquiry.replies.map((r) => (
          <li
            key={r.id}
            className={`${styles.card} ${r.by.kind === 'staff' ? styles.staffReply : ''}`}
            data-testid="reply"
          >
            <p>
              <strong>{r.by.name ?? r.by.email ?? r.by.kind}</strong> · {formatTime(r.at)}
            </p>
            <p className={styles.pre}>{r.body}</p>
          </li>
        ))}
      </ol>
      <div className={styles.bar}>
        {!closed && (
          <button
            type="button"
            className="button button--success"
            disabled={busy}
            onClick={() => act('resolve')}
          >
            {t.resolve}
          </button>
        )}
        {enquiry.status !== 'closed' && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => act('close')}
          >
            {t.close}
          </button>
        )}
        {closed && !enquiry.mergedInto && (
          <button
            type="button"
            className="button button--warning"
            disabled={busy}
            onClick={() => act('reopen')}
          >
            {t.reopen}
          </button>
        )}
      </div>
      {!closed && (
        <form className={styles.form} onSubmit={sendReply}>
          <label>
            {t.yourReply}
            <textarea required rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <label>
            {t.attachments}
            <input type="file" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
          </label>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t.send}
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={error} />
    </article>
  )
}

function Enquiries({
  meta,
  selection,
  select,
}: {
  meta: Meta
  selection: Selection
  select: (s: Selection) => void
}) {
  const { t, term } = useTexts()
  const [list, setList] = useState<Enquiry[] | null>(null)
  const [load, , error] = useAction()
  const refresh = useCallback(
    () => void load(async () => setList((await support<{ items: Enquiry[] }>('/enquiries?limit=100')).items)),
    [load],
  )
  useEffect(refresh, [refresh, selection])
  if (selection?.kind === 'enquiry') return <EnquiryDetail id={selection.id} onBack={() => select(null)} />
  return (
    <>
      <NewEnquiry meta={meta} onFiled={(e) => select({ kind: 'enquiry', id: e.id })} />
      <Heading as="h2">{t.yourEnquiries}</Heading>
      <ErrorBox error={error} />
      {list && list.length === 0 && <p>{t.noEnquiries}</p>}
      {list && list.length > 0 && (
        <div className={styles.tableWrap}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.reference}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.updated}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id}>
                  <td>{e.reference}</td>
                  <td>
                    <a
                      href={`?enquiry=${e.id}`}
                      onClick={(ev) => {
                        ev.preventDefault()
                        select({ kind: 'enquiry', id: e.id })
                      }}
                    >
                      {e.subject}
                    </a>
                  </td>
                  <td>{term(e.category)}</td>
                  <td>{term(e.status)}</td>
                  <td>{formatTime(e.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

const emptyContact = (): Contact => ({ name: '', email: '', role: '' })

function ApplicationForm({
  meta,
  type,
  existing,
  onSaved,
  onCancel,
}: {
  meta: Meta
  type: 'programme' | 'ite'
  existing?: Application
  onSaved: (a: Application) => void
  onCancel?: () => void
}) {
  const { t } = useTexts()
  const c = (existing?.content ?? {}) as Record<string, unknown>
  const [f, setF] = useState<Record<string, string>>({
    organisationName: String(c.organisationName ?? ''),
    sector: String(c.sector ?? meta.sectors[0]?.id ?? ''),
    useCase: String(c.useCase ?? ''),
    clientID: String(c.clientID ?? ''),
    userJourney: String(c.userJourney ?? ''),
    implementationPlan: String(c.implementationPlan ?? ''),
    enciphermentCertificate: String(c.enciphermentCertificate ?? ''),
    domain: String(c.domain ?? ''),
    tlsMinVersion: String((c.tls as { minVersion?: string } | undefined)?.minVersion ?? 'TLSv1.2'),
    tlsCertificate: String((c.tls as { certificate?: string } | undefined)?.certificate ?? ''),
  })
  const [contacts, setContacts] = useState<Contact[]>(
    (c.contacts as Contact[] | undefined)?.map((x) => ({ ...x })) ?? [emptyContact()],
  )
  const [run, busy, error] = useAction()
  const field = (k: string) => ({
    value: f[k] ?? '',
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const cleanContacts = contacts.map((x) => ({ ...x, ...(x.phone ? {} : { phone: undefined }) }))
    const body =
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
    void run(async () =>
      onSaved(
        existing
          ? await support<Application>(`/applications/${existing.id}`, 'PUT', body)
          : await support<Application>('/applications', 'POST', body),
      ),
    )
  }
  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={type === 'programme' ? t.programmeApp : t.iteApp}
    >
      <Heading as="h3">{type === 'programme' ? t.programmeApp : t.iteApp}</Heading>
      {type === 'programme' ? (
        <>
          <label>
            {t.organisationName}
            <input required {...field('organisationName')} />
          </label>
          <label>
            {t.sector}
            <select {...field('sector')}>
              {meta.sectors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.useCase}
            <textarea required rows={4} {...field('useCase')} />
          </label>
        </>
      ) : (
        <>
          <label>
            {t.userJourney}
            <textarea required rows={4} {...field('userJourney')} />
          </label>
          <label>
            {t.implementationPlan}
            <textarea required rows={4} {...field('implementationPlan')} />
          </label>
          <label>
            {t.enciphermentCertificate}
            <textarea required rows={4} {...field('enciphermentCertificate')} />
          </label>
          <label>
            {t.domain}
            <input required {...field('domain')} />
          </label>
          <label>
            {t.tlsMinVersion}
            <select {...field('tlsMinVersion')}>
              <option value="TLSv1.2">TLS 1.2</option>
              <option value="TLSv1.3">TLS 1.3</option>
            </select>
          </label>
          <label>
            {t.tlsCertificate}
            <textarea rows={3} {...field('tlsCertificate')} />
          </label>
        </>
      )}
      <fieldset>
        <legend>{t.contacts}</legend>
        {contacts.map((ct, i) => (
          <div key={i} className={styles.grid2}>
            {(['name', 'email', 'phone', 'role'] as const).map((k) => (
              <label key={k}>
                {`${t[`contact${k[0]!.toUpperCase()}${k.slice(1)}` as 'contactName']} ${i + 1}`}
                <input
                  required={k !== 'phone'}
                  type={k === 'email' ? 'email' : 'text'}
                  value={ct[k] ?? ''}
                  onChange={(e) =>
                    setContacts(contacts.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))
                  }
                />
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <ErrorBox error={error} />
      <div className={styles.bar}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {existing ? t.resubmit : t.submit}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  )
}

function ApplicationDetail({ meta, id, onBack }: { meta: Meta; id: string; onBack: () => void }) {
  const { t, term } = useTexts()
  const [app, setApp] = useState<Application | null>(null)
  const [editing, setEditing] = useState(false)
  const [load, , error] = useAction()
  useEffect(() => {
    void load(async () => setApp(await support<Application>(`/applications/${id}`)))
  }, [id, load])
  if (error) return <ErrorBox error={error} />
  if (!app) return <p role="status">{t.loading}</p>
  const content = app.content as Record<string, unknown>
  return (
    <article aria-labelledby="application-title">
      <button type="button" className="button button--link" onClick={onBack}>
        ← {t.back}
      </button>
      <Heading as="h2" id="application-title">
        {app.type === 'programme' ? t.programmeApp : t.iteApp} · {app.reference}
      </Heading>
      <p>
        {t.status}: <strong data-testid="application-status">{term(app.status)}</strong> · {t.revision}:{' '}
        {app.revision} · {t.programmeStage}: {term(app.organisation.programmeStatus)}
      </p>
      {app.decision?.outcome === 'returned' && (
        <div className="alert alert--warning" role="note">
          <strong>{t.returnedReasons}</strong>
          <ul data-testid="returned-reasons">
            {app.decision.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {app.decision?.outcome === 'approved' && <div className="alert alert--success">{t.approved}</div>}
      {editing ? (
        <ApplicationForm
          meta={meta}
          type={app.type}
          existing={app}
          onSaved={(a) => {
            setApp(a)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ApplicationFields content={content} />
          {app.status === 'waiting_on_provider' && (
            <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
              {t.edit}
            </button>
          )}
        </>
      )}
    </article>
  )
}

function Applications({
  meta,
  session,
  selection,
  select,
}: {
  meta: Meta
  session: Session
  selection: Selection
  select: (s: Selection) => void
}) {
  const { t, term } = useTexts()
  const [programme, setProgramme] = useState<Programme | null>(null)
  const [load, , error] = useAction()
  const orgId = session.organisation?.id
  useEffect(() => {
    if (!orgId) return
    void load(async () => setProgramme(await support<Programme>(`/organisations/${orgId}/programme`)))
  }, [orgId, load, selection])
  if (selection?.kind === 'application')
    return <ApplicationDetail meta={meta} id={selection.id} onBack={() => select(null)} />
  const openApp = programme?.applications.find((a) => a.status !== 'resolved' && a.status !== 'closed')
  return (
    <>
      <ErrorBox error={error} />
      {programme && (
        <>
          <p>
            {t.programmeStage}:{' '}
            <strong data-testid="programme-stage">{term(programme.organisation.programmeStatus)}</strong> ·{' '}
            {t.nextApplication}: {programme.next ? term(programme.next) : t.noneNeeded}
          </p>
          <Heading as="h2">{t.applications}</Heading>
          {programme.applications.length === 0 ? (
            <p>{t.noApplications}</p>
          ) : (
            <ul>
              {programme.applications.map((a) => (
                <li key={a.id}>
                  <a
                    href={`?application=${a.id}`}
                    onClick={(ev) => {
                      ev.preventDefault()
                      select({ kind: 'application', id: a.id })
                    }}
                  >
                    {a.reference}
                  </a>{' '}
                  · {term(a.type)} · {term(a.status)} · {t.revision} {a.revision}
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

function Desk({ session }: { session: Session }) {
  const { t } = useTexts()
  const meta = useMeta()
  const [selection, select] = useSelection()
  const [tab, setTab] = useState<'enquiries' | 'applications'>('enquiries')
  useEffect(() => {
    if (selection) setTab(selection.kind === 'application' ? 'applications' : 'enquiries')
    // Links for programme applicants (home page, navbar) open the applications tab: ?tab=applications.
    else if (new URL(window.location.href).searchParams.get('tab') === 'applications') setTab('applications')
  }, [selection])
  const [done] = useState<string | null>(null)
  if (session.account.kind === 'staff')
    return (
      <p>
        {t.providersOnly} <a href="/staff-console">{t.openStaffConsole}</a>
      </p>
    )
  if (!meta) return <p role="status">{t.loading}</p>
  return (
    <>
      <Done text={done} />
      <div className={styles.tabs} role="group">
        {(['enquiries', 'applications'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={tab === k}
            className={`button ${tab === k ? 'button--primary' : 'button--secondary'}`}
            onClick={() => {
              setTab(k)
              select(null)
            }}
          >
            {k === 'enquiries' ? t.tabEnquiries : t.tabApplications}
          </button>
        ))}
      </div>
      {tab === 'enquiries' ? (
        <Enquiries meta={meta} selection={selection} select={select} />
      ) : (
        <Applications meta={meta} session={session} selection={selection} select={select} />
      )}
    </>
  )
}

export default function SupportDesk() {
  const { t } = useTexts()
  return (
    <SupportFrame title={t.deskTitle} intro={t.deskIntro}>
      {(session) => <Desk session={session} />}
    </SupportFrame>
  )
}
