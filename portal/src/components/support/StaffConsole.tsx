/** The staff console: one queue of enquiries and applications, triage, replies, notes, decisions and the dashboard. */
import Heading from '@theme/Heading'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import {
  type Application,
  type CannedAnswer,
  type Dashboard,
  type Enquiry,
  formatTime,
  type InspectorCall,
  type InspectorItem,
  type Meta,
  type QueueItem,
  type S,
  type Session,
  support,
  type Suggestions,
} from './api'
import DashboardCharts from './Charts'
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

type Deadlines = S['Deadlines']
type StaffList = S['StaffList']['items']

function Flags({ targets }: { targets?: Deadlines }) {
  const { t } = useTexts()
  if (!targets) return null
  return (
    <span data-testid="breach-flags">
      {targets.breach.firstResponse && <span className={styles.breach}>⚠ {t.breachFirst}</span>}
      {targets.breach.resolution && <span className={styles.breach}>⚠ {t.breachResolution}</span>}
      {targets.dueSoon && <span className={styles.soon}>{t.dueSoon}</span>}
      {targets.paused && <span className={styles.badge}>{t.paused}</span>}
    </span>
  )
}

const FILTERS = ['kind', 'status', 'category', 'priority', 'assignee', 'breach', 'sort'] as const
type Filters = Record<(typeof FILTERS)[number], string>

function Queue({ meta, staff, select }: { meta: Meta; staff: StaffList; select: (s: Selection) => void }) {
  const { t, term } = useTexts()
  const [filters, setFilters] = useState<Filters>({
    kind: '',
    status: 'open',
    category: '',
    priority: '',
    assignee: '',
    breach: '',
    sort: 'due',
  })
  const [items, setItems] = useState<QueueItem[] | null>(null)
  const [load, busy, error] = useAction()
  const refresh = useCallback(() => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v))
    q.set('limit', '200')
    void load(async () => setItems((await support<{ items: QueueItem[] }>(`/queue?${q}`)).items))
  }, [filters, load])
  useEffect(refresh, [refresh])
  const options: Record<(typeof FILTERS)[number], [string, string][]> = {
    kind: [
      ['', t.any],
      ['enquiry', term('enquiry')],
      ['application', term('application')],
    ],
    status: [['open', 'open'], ['all', t.any], ...meta.statuses.map((s): [string, string] => [s, term(s)])],
    category: [['', t.any], ...meta.categories.map((s): [string, string] => [s, term(s)])],
    priority: [['', t.any], ...meta.priorities.map((s): [string, string] => [s, term(s)])],
    assignee: [
      ['', t.any],
      ['me', t.me],
      ['none', t.unassigned],
      ...staff.map((s): [string, string] => [s.id, s.email]),
    ],
    breach: [
      ['', t.any],
      ['any', t.breach],
      ['first_response', t.breachFirst],
      ['resolution', t.breachResolution],
      ['due_soon', t.dueSoon],
      ['none', '—'],
    ],
    sort: [
      ['due', `${t.due} ↑`],
      ['-due', `${t.due} ↓`],
      ['priority', t.priority],
      ['-created', t.created],
      ['-updated', t.updated],
    ],
  }
  const labels: Record<(typeof FILTERS)[number], string> = {
    kind: t.kind,
    status: t.status,
    category: t.category,
    priority: t.priority,
    assignee: t.assignee,
    breach: t.breach,
    sort: t.sort,
  }
  return (
    <section aria-labelledby="queue-title">
      <Heading as="h2" id="queue-title">
        {t.queue}
      </Heading>
      <div className={styles.filters}>
        {FILTERS.map((k) => (
          <label key={k}>
            {labels[k]}
            <select value={filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })}>
              {options[k].map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={refresh}
          disabled={busy}
        >
          {t.refresh}
        </button>
      </div>
      <ErrorBox error={error} />
      {items && items.length === 0 && <p>{t.emptyQueue}</p>}
      {items && items.length > 0 && (
        <div className={styles.tableWrap}>
          <table data-testid="queue">
            <thead>
              <tr>
                <th scope="col">{t.reference}</th>
                <th scope="col">{t.title}</th>
                <th scope="col">{t.organisation}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.priority}</th>
                <th scope="col">{t.assignee}</th>
                <th scope="col">{t.due}</th>
                <th scope="col">{t.breach}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>{i.reference}</td>
                  <td>
                    <a
                      href={`?${i.kind}=${i.id}`}
                      onClick={(ev) => {
                        ev.preventDefault()
                        select({ kind: i.kind, id: i.id })
                      }}
                    >
                      {i.title}
                    </a>
                  </td>
                  <td>{i.orgName ?? i.orgId.slice(0, 8)}</td>
                  <td>{i.kind === 'enquiry' ? term(i.category) : term(i.type)}</td>
                  <td>{term(i.status)}</td>
                  <td>{term(i.priority)}</td>
                  <td>{i.assignee?.email ?? t.unassigned}</td>
                  <td>{formatTime(i.targets.nextDue)}</td>
                  <td>
                    <Flags targets={i.targets} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function AttachedCall({ item }: { item: InspectorItem }) {
  const { t } = useTexts()
  if (item.kind !== 'call') return <li className={styles.card}>callback {item.txID}</li>
  const c = item as InspectorCall
  return (
    <li className={styles.card} data-testid="attached-call">
      <p>
        <code className={styles.breach}>{c.code}</code> {t.operation}: <strong>{c.operationId}</strong> · HTTP{' '}
        {c.status} · {formatTime(c.at)} · txID <code>{c.txID}</code>
      </p>
      <p>{c.message}</p>
      {c.diagnosis.length > 0 && (
        <div>
          <strong>{t.diagnosis}</strong>
          <ul>
            {c.diagnosis.map((d) => (
              <li key={d.id}>
                <strong>{d.title}</strong> — {d.detail}
                <br />
                {t.fix}: {d.fix} {d.link && <a href={d.link}>{d.link}</a>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>headers</summary>
        <pre className={styles.pre}>{JSON.stringify(c.headers, null, 2)}</pre>
        {c.stringToSign && <pre className={styles.pre}>{c.stringToSign.text}</pre>}
      </details>
    </li>
  )
}

function Triage({
  meta,
  staff,
  item,
  kind,
  onSaved,
}: {
  meta: Meta
  staff: StaffList
  item: Enquiry | Application
  kind: 'enquiries' | 'applications'
  onSaved: () => void
}) {
  const { t, term } = useTexts()
  const allowed = meta.transitions.staff[item.status] ?? []
  const [status, setStatus] = useState('')
  const [priority, setPriority] = useState(item.priority ?? 'normal')
  const [category, setCategory] = useState(item.kind === 'enquiry' ? item.category : '')
  const [assignee, setAssignee] = useState(item.assignee?.id ?? '')
  const [run, busy, error] = useAction()
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => {
    setStatus('')
    setPriority(item.priority ?? 'normal')
    if (item.kind === 'enquiry') setCategory(item.category)
    setAssignee(item.assignee?.id ?? '')
  }, [item])
  const save = (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    const body: Record<string, unknown> = {}
    if (status) body.status = status
    if (priority !== item.priority) body.priority = priority
    if (item.kind === 'enquiry' && category !== item.category) body.category = category
    if (assignee !== (item.assignee?.id ?? '')) body.assigneeId = assignee || null
    void run(async () => {
      await support(`/${kind}/${item.id}`, 'PATCH', body)
      setDone(t.saved)
      onSaved()
    })
  }
  return (
    <form className={`${styles.card} ${styles.filters}`} onSubmit={save} aria-label={t.triage}>
      <Heading as="h3" style={{ width: '100%' }}>
        {t.triage}
      </Heading>
      <label>
        {t.status}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">
            {t.keep} ({term(item.status)})
          </option>
          {allowed
            .filter((s) => kind === 'enquiries' || s !== 'resolved')
            .map((s) => (
              <option key={s} value={s}>
                {term(s)}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t.priority}
        <select value={priority} onChange={(e) => setPriority(e.target.value as typeof priority)}>
          {meta.priorities.map((p) => (
            <option key={p} value={p}>
              {term(p)}
            </option>
          ))}
        </select>
      </label>
      {item.kind === 'enquiry' && (
        <label>
          {t.category}
          <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
            {meta.categories.map((p) => (
              <option key={p} value={p}>
                {term(p)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t.assignee}
        <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t.unassigned}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.email} ({s.role})
            </option>
          ))}
        </select>
      </label>
      <div style={{ alignSelf: 'end' }}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t.save}
        </button>
      </div>
      <div style={{ width: '100%' }}>
        <Done text={done} />
        <ErrorBox error={error} />
      </div>
    </form>
  )
}

function Notes({
  item,
  kind,
  onSaved,
}: {
  item: Enquiry | Application
  kind: 'enquiries' | 'applications'
  onSaved: () => void
}) {
  const { t } = useTexts()
  const [body, setBody] = useState('')
  const [run, busy, error] = useAction()
  return (
    <section className={styles.note} aria-labelledby="notes-title" data-testid="internal-notes">
      <Heading as="h3" id="notes-title">
        {t.internalNotes} <span className={styles.soon}>{t.internalBadge}</span>
      </Heading>
      {(item.notes ?? []).length === 0 && <p>{t.noNotes}</p>}
      <ul>
        {(item.notes ?? []).map((n) => (
          <li key={n.id}>
            <strong>{n.by?.email ?? ''}</strong> · {formatTime(n.at)}
            <p className={styles.pre}>{n.body}</p>
          </li>
        ))}
      </ul>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => {
            await support(`/${kind}/${item.id}/notes`, 'POST', { body })
            setBody('')
            onSaved()
          })
        }}
      >
        <label>
          {t.addNote}
          <textarea required rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="button button--warning" disabled={busy}>
            {t.addNote}
          </button>
        </div>
        <ErrorBox error={error} />
      </form>
    </section>
  )
}

function EnquiryView({
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
  onBack: () => void
}) {
  const { t, term } = useTexts()
  const [enquiry, setEnquiry] = useState<Enquiry | null>(null)
  const [calls, setCalls] = useState<InspectorItem[]>([])
  const [sugg, setSugg] = useState<Suggestions | null>(null)
  const [canned, setCanned] = useState<CannedAnswer[]>([])
  const [cannedId, setCannedId] = useState('')
  const [body, setBody] = useState('')
  const [nextStatus, setNextStatus] = useState('')
  const [load, , loadError] = useAction()
  const [run, busy, error] = useAction()
  const reload = useCallback(
    () =>
      void load(async () => {
        const [e, r, s] = await Promise.all([
          support<Enquiry>(`/enquiries/${id}`),
          support<{ items: InspectorItem[] }>(`/enquiries/${id}/requests`),
          support<Suggestions>(`/enquiries/${id}/suggestions`),
        ])
        setEnquiry(e)
        setCalls(r.items)
        setSugg(s)
      }),
    [id, load],
  )
  useEffect(reload, [reload])
  useEffect(() => {
    support<{ items: CannedAnswer[] }>('/canned-answers').then(
      (l) => setCanned(l.items),
      () => setCanned([]),
    )
  }, [])
  useEffect(() => {
    if (sugg && !cannedId && sugg.cannedAnswers[0]) setCannedId(sugg.cannedAnswers[0])
  }, [sugg, cannedId])
  if (loadError && !enquiry) return <ErrorBox error={loadError} />
  if (!enquiry) return <p role="status">{t.loading}</p>
  const isLead = session.account.staffRole === 'lead'
  const suggestedIds = new Set(sugg?.cannedAnswers ?? [])
  const sortedCanned = [...canned].sort(
    (a, b) => Number(suggestedIds.has(b.id)) - Number(suggestedIds.has(a.id)),
  )
  const chosen = canned.find((c) => c.id === cannedId)
  const reply = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      await support(`/enquiries/${id}/replies`, 'POST', {
        ...(body ? { body } : {}),
        ...(cannedId ? { cannedAnswerId: cannedId } : {}),
        ...(nextStatus ? { status: nextStatus } : {}),
      })
      setBody('')
      setNextStatus('')
      reload()
    })
  }
  return (
    <article aria-labelledby="staff-enquiry-title">
      <button type="button" className="button button--link" onClick={onBack}>
        ← {t.back}
      </button>
      <Heading as="h2" id="staff-enquiry-title">
        {enquiry.subject}
      </Heading>
      <p>
        {enquiry.reference} · {enquiry.orgName} · {enquiry.createdBy.email} · {t.status}:{' '}
        <strong data-testid="staff-enquiry-status">{term(enquiry.status)}</strong> · {t.category}:{' '}
        {term(enquiry.category)} · {t.priority}: {term(enquiry.priority)} · {t.due}:{' '}
        {formatTime(enquiry.targets?.nextDue)} <Flags targets={enquiry.targets} />
      </p>
      <div className={styles.card}>
        <p className={styles.pre}>{enquiry.description}</p>
        {enquiry.attachments.map((a) => (
          <p key={a.id}>
            <a href={`/support/v1/enquiries/${enquiry.id}/attachments/${a.id}`} download>
              {a.filename}
            </a>{' '}
            ({a.contentType}, {a.size} B{a.masked ? ', HKID masked' : ''})
          </p>
        ))}
      </div>
      <section aria-labelledby="calls-title">
        <Heading as="h3" id="calls-title">
          {t.attachedRequests} ({calls.length})
        </Heading>
        <ul className="clean-list">
          {calls.map((c) => (
            <AttachedCall key={c.txID} item={c} />
          ))}
        </ul>
      </section>
      {sugg && (
        <section className={styles.card} aria-labelledby="sugg-title">
          <Heading as="h3" id="sugg-title">
            {t.suggestions}
          </Heading>
          <p>
            {t.suggestedCategory}:{' '}
            <strong data-testid="suggested-category">{term(sugg.category.category)}</strong>
          </p>
          <ul>
            {sugg.category.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <p>{t.suggestedPages}:</p>
          <ul>
            {sugg.pages.map((p) => (
              <li key={p.path}>
                <a href={p.path}>{p.title}</a> — {p.reason}
              </li>
            ))}
          </ul>
          <p>{t.similar}:</p>
          {sugg.similar.length === 0 && <p>{t.noSimilar}</p>}
          <ul>
            {sugg.similar.map((s) => (
              <li key={s.id}>
                {s.reference} · {s.subject} · {term(s.status)} · {s.score.toFixed(2)} ({s.shared.join(', ')}){' '}
                <button
                  type="button"
                  className="button button--sm button--secondary"
                  disabled={!isLead || !s.sameOrganisation || busy}
                  title={!isLead ? t.mergeLeadsOnly : !s.sameOrganisation ? t.sameOrgOnly : undefined}
                  onClick={() =>
                    void run(async () => {
                      await support(`/enquiries/${s.id}/merge`, 'POST', { into: enquiry.id })
                      reload()
                    })
                  }
                >
                  {t.merge}
                </button>
                {!isLead && <small> {t.mergeLeadsOnly}</small>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Triage meta={meta} staff={staff} item={enquiry} kind="enquiries" onSaved={reload} />
      <section aria-labelledby="thread-title">
        <Heading as="h3" id="thread-title">
          {t.replies}
        </Heading>
        {enquiry.replies.length === 0 && <p>{t.noReplies}</p>}
        <ol className="clean-list">
          {enquiry.replies.map((r) => (
            <li key={r.id} className={`${styles.card} ${r.by.kind === 'staff' ? styles.staffReply : ''}`}>
              <p>
                <strong>{r.by.email ?? r.by.name ?? r.by.kind}</strong> · {formatTime(r.at)}
              </p>
              <p className={styles.pre}>{r.body}</p>
            </li>
          ))}
        </ol>
        <form className={styles.form} onSubmit={reply} aria-label={t.replyToProvider}>
          <Heading as="h4">{t.replyToProvider}</Heading>
          <label>
            {t.cannedAnswer}
            <select value={cannedId} onChange={(e) => setCannedId(e.target.value)}>
              <option value="">{t.noCanned}</option>
              {sortedCanned.map((c) => (
                <option key={c.id} value={c.id}>
                  {suggestedIds.has(c.id) ? '★ ' : ''}
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          {chosen && (
            <blockquote className={styles.pre} data-testid="canned-preview">
              {chosen.body}
              {chosen.links.map((l) => `\n${l}`).join('')}
            </blockquote>
          )}
          <label>
            {t.yourReply}
            <textarea rows={4} required={!cannedId} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <label>
            {t.setStatus}
            <select value={nextStatus} onChange={(e) => setNextStatus(e.target.value)}>
              <option value="">{t.keep}</option>
              {meta.statuses
                .filter((s) => s !== 'new' && s !== 'triaged')
                .map((s) => (
                  <option key={s} value={s}>
                    {term(s)}
                  </option>
                ))}
            </select>
          </label>
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t.send}
            </button>
          </div>
        </form>
        <ErrorBox error={error} />
      </section>
      <Notes item={enquiry} kind="enquiries" onSaved={reload} />
    </article>
  )
}

function ApplicationView({
  meta,
  staff,
  id,
  onBack,
}: {
  meta: Meta
  staff: StaffList
  id: string
  onBack: () => void
}) {
  const { t, term } = useTexts()
  const [app, setApp] = useState<Application | null>(null)
  const [reasons, setReasons] = useState('')
  const [load, , loadError] = useAction()
  const [run, busy, error] = useAction()
  const reload = useCallback(
    () => void load(async () => setApp(await support<Application>(`/applications/${id}`))),
    [id, load],
  )
  useEffect(reload, [reload])
  if (loadError && !app) return <ErrorBox error={loadError} />
  if (!app) return <p role="status">{t.loading}</p>
  const decide = (what: 'approve' | 'return') =>
    void run(async () => {
      const list = reasons
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean)
      await support(`/applications/${id}/${what}`, 'POST', list.length ? { reasons: list } : {})
      setReasons('')
      reload()
    })
  const open = app.status !== 'resolved' && app.status !== 'closed'
  return (
    <article aria-labelledby="staff-app-title">
      <button type="button" className="button button--link" onClick={onBack}>
        ← {t.back}
      </button>
      <Heading as="h2" id="staff-app-title">
        {app.type === 'programme' ? t.programmeApp : t.iteApp} · {app.reference}
      </Heading>
      <p>
        {app.orgName ?? app.organisation.name} · {t.status}:{' '}
        <strong data-testid="staff-application-status">{term(app.status)}</strong> · {t.revision}:{' '}
        {app.revision} · {t.programmeStage}: {term(app.organisation.programmeStatus)}{' '}
        <Flags targets={app.targets} />
      </p>
      {app.decision && (
        <div className={`alert ${app.decision.outcome === 'approved' ? 'alert--success' : 'alert--warning'}`}>
          {app.decision.outcome === 'approved' ? t.approved : t.returnedReasons}
          <ul>
            {app.decision.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <ApplicationFields content={app.content as Record<string, unknown>} />
      {open && (
        <div className={styles.form}>
          <label>
            {t.reasons}
            <textarea rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
          </label>
          <div className={styles.bar}>
            <button
              type="button"
              className="button button--success"
              disabled={busy}
              onClick={() => decide('approve')}
            >
              {t.approve}
            </button>
            <button
              type="button"
              className="button button--warning"
              disabled={busy || !reasons.trim()}
              onClick={() => decide('return')}
            >
              {t.returnApp}
            </button>
          </div>
          <ErrorBox error={error} />
        </div>
      )}
      <Triage meta={meta} staff={staff} item={app} kind="applications" onSaved={reload} />
      <Notes item={app} kind="applications" onSaved={reload} />
    </article>
  )
}

function DashboardTab() {
  const { t } = useTexts()
  const [data, setData] = useState<Dashboard | null>(null)
  const [load, , error] = useAction()
  useEffect(() => {
    void load(async () => setData(await support<Dashboard>('/dashboard')))
  }, [load])
  return (
    <section aria-labelledby="dash-title">
      <Heading as="h2" id="dash-title">
        {t.tabDashboard}
      </Heading>
      <ErrorBox error={error} />
      {data ? <DashboardCharts data={data} /> : !error && <p role="status">{t.loading}</p>}
    </section>
  )
}

function Console({ session }: { session: Session }) {
  const { t } = useTexts()
  const [meta, setMeta] = useState<Meta | null>(null)
  const [staff, setStaff] = useState<StaffList>([])
  const [selection, select] = useSelection()
  const [tab, setTab] = useState<'queue' | 'dashboard'>('queue')
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    if (session.account.kind !== 'staff') return
    support<Meta>('/meta').then(setMeta, setError)
    support<{ items: StaffList }>('/staff').then((l) => setStaff(l.items), setError)
  }, [session])
  if (session.account.kind !== 'staff')
    return (
      <p>
        {t.staffOnly} <a href="/support-desk">{t.openSupportDesk}</a>
      </p>
    )
  if (error) return <ErrorBox error={error} />
  if (!meta) return <p role="status">{t.loading}</p>
  if (selection?.kind === 'enquiry')
    return (
      <EnquiryView
        meta={meta}
        staff={staff}
        session={session}
        id={selection.id}
        onBack={() => select(null)}
      />
    )
  if (selection?.kind === 'application')
    return <ApplicationView meta={meta} staff={staff} id={selection.id} onBack={() => select(null)} />
  return (
    <>
      <div className={styles.tabs} role="group">
        {(['queue', 'dashboard'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={tab === k}
            className={`button ${tab === k ? 'button--primary' : 'button--secondary'}`}
            onClick={() => setTab(k)}
          >
            {k === 'queue' ? t.tabQueue : t.tabDashboard}
          </button>
        ))}
      </div>
      {tab === 'queue' ? <Queue meta={meta} staff={staff} select={select} /> : <DashboardTab />}
    </>
  )
}

export default function StaffConsole() {
  const { t } = useTexts()
  return (
    <SupportFrame title={t.staffTitle} intro={t.staffIntro}>
      {(session) => <Console session={session} />}
    </SupportFrame>
  )
}
