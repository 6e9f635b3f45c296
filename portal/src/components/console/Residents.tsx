/**
 * The synthetic residents: search the shared (seeded) ones and your organisation's own, add and edit your own with
 * each invalid field named by the sandbox (422 `errors`), delete them, and reset your organisation's residents.
 */
import Translate, { translate } from '@docusaurus/Translate'
import { type FormEvent, useState } from 'react'
import { ApiError, sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Json, Loading, Notice } from '../shared/feedback'
import { CheckboxField, fieldError, SelectField, TextField } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import { useSignedIn } from '../shared/session'
import type { Resident, ResidentInput, ResidentPatch, ResidentRow } from '../shared/types'
import ui from '../shared/ui.module.css'
import styles from './console.module.css'

const PAGE = 25

type Decision = NonNullable<ResidentInput['behaviour']>['decision']
type Tier = ResidentInput['tier']

interface Form {
  tier: Tier
  hkid: string
  enName: string
  chName: string
  /** YYYY-MM-DD (the date input's value). */
  birthDate: string
  gender: 'M' | 'F'
  email: string
  countryCode: string
  mobile: string
  decision: Decision
  delayMs: string
  appReachable: boolean
  hkidMismatch: boolean
  tags: string
}

const EMPTY: Form = {
  tier: 'iAM Smart+',
  hkid: '',
  enName: '',
  chName: '',
  birthDate: '',
  gender: 'F',
  email: '',
  countryCode: '852',
  mobile: '',
  decision: 'approve',
  delayMs: '0',
  appReachable: true,
  hkidMismatch: false,
  tags: '',
}

/** The fields of the form and the API paths whose errors each shows. */
const FIELD_PATHS: Record<keyof Form, string[]> = {
  tier: ['tier'],
  hkid: ['profile.idNo'],
  enName: ['profile.enName'],
  chName: ['profile.chName'],
  birthDate: ['profile.birthDate'],
  gender: ['profile.gender'],
  email: ['eme.emailAddress'],
  countryCode: ['eme.mobileNumber.CountryCode'],
  mobile: ['eme.mobileNumber'],
  decision: ['behaviour.decision'],
  delayMs: ['behaviour.delayMs'],
  appReachable: ['behaviour.appReachable'],
  hkidMismatch: ['behaviour.hkidMismatch'],
  tags: ['tags'],
}

function formOf(r: Resident): Form {
  const b = r.profile.birthDate
  return {
    tier: r.tier,
    hkid: `${r.profile.idNo.Identification}(${r.profile.idNo.CheckDigit})`,
    enName: r.profile.enName.UnstructuredName,
    chName: r.profile.chName?.ChineseName ?? '',
    birthDate: `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`,
    gender: r.profile.gender === 'M' ? 'M' : 'F',
    email: r.eme.emailAddress ?? '',
    countryCode: r.eme.mobileNumber?.CountryCode ?? '852',
    mobile: r.eme.mobileNumber?.SubscriberNumber ?? '',
    decision: r.behaviour.decision,
    delayMs: String(r.behaviour.delayMs),
    appReachable: r.behaviour.appReachable,
    hkidMismatch: r.behaviour.hkidMismatch ?? false,
    tags: r.tags.join(', '),
  }
}

/** `QA123456(5)`, `QA1234565` or `QA123456 5` into its two parts (as typed when it does not parse). */
function idNo(hkid: string) {
  const m = /^([A-Z]{1,2}\d{6})\s*\(?([0-9A])\)?$/.exec(hkid.trim().toUpperCase())
  return m
    ? { Identification: m[1]!, CheckDigit: m[2]! }
    : { Identification: hkid.trim().toUpperCase(), CheckDigit: '' }
}

function inputOf(f: Form): ResidentInput {
  return {
    tier: f.tier,
    profile: {
      idNo: idNo(f.hkid),
      enName: { UnstructuredName: f.enName.trim() },
      ...(f.chName.trim() ? { chName: { ChineseName: f.chName.trim() } } : {}),
      birthDate: f.birthDate.replace(/-/g, ''),
      gender: f.gender,
    },
    eme: {
      ...(f.email.trim() ? { emailAddress: f.email.trim() } : {}),
      ...(f.mobile.trim()
        ? { mobileNumber: { CountryCode: f.countryCode.trim(), SubscriberNumber: f.mobile.trim() } }
        : {}),
    },
    behaviour: {
      decision: f.decision,
      delayMs: Number(f.delayMs),
      appReachable: f.appReachable,
      hkidMismatch: f.hkidMismatch,
    },
    tags: f.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  }
}

const decisionOptions = () =>
  [
    ['approve', translate({ id: 'console.residents.decision.approve', message: 'Approve' })],
    ['reject', translate({ id: 'console.residents.decision.reject', message: 'Reject' })],
    ['cancel', translate({ id: 'console.residents.decision.cancel', message: 'Cancel' })],
    ['timeout', translate({ id: 'console.residents.decision.timeout', message: 'Time out' })],
  ] as const

function ResidentForm({
  resident,
  onSaved,
  onCancel,
}: {
  resident?: Resident
  onSaved(r: Resident): void
  onCancel(): void
}) {
  const [form, setForm] = useState<Form>(resident ? formOf(resident) : EMPTY)
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  const err = (k: keyof Form) => fieldError(errors, ...FIELD_PATHS[k])
  const shown = Object.keys(errors).filter((k) =>
    Object.values(FIELD_PATHS).some((paths) => fieldError({ [k]: 'x' }, ...paths)),
  )
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v })

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const input = inputOf(form)
    try {
      const saved = resident
        ? await unwrap(
            sandboxApi.PATCH('/residents/{id}', {
              params: { path: { id: resident.id } },
              body: {
                ...input,
                // e-ME fields the form clears are removed (null); the others the form does not show stay. The
                // spec types this object loosely (`type: object`), hence the cast.
                eme: {
                  emailAddress: input.eme?.emailAddress ?? null,
                  mobileNumber: input.eme?.mobileNumber ?? null,
                } as unknown as ResidentPatch['eme'],
              },
            }),
          )
        : await unwrap(sandboxApi.POST('/residents', { body: input }))
      setError(undefined)
      onSaved(saved)
    } catch (x) {
      setError(x)
    }
  }

  return (
    <form className={ui.panel} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="resident-form">
      <h2 id="resident-form">
        {resident
          ? translate({ id: 'console.residents.edit', message: 'Edit {id}' }, { id: resident.id })
          : translate({ id: 'console.residents.new', message: 'New resident' })}
      </h2>
      <ErrorAlert error={error} shownFields={shown} />
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.hkid', message: 'HKID number' })}
          name="hkid"
          value={form.hkid}
          placeholder="QA123456(5)"
          hint={translate({
            id: 'console.residents.field.hkid.hint',
            message: 'Sandbox range QA000000–QZ999999, with its check digit.',
          })}
          onChange={(e) => set('hkid', e.target.value)}
          error={err('hkid')}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.tier', message: 'Account tier' })}
          value={form.tier}
          onChange={(e) => set('tier', e.target.value as Tier)}
          options={[
            [
              'iAM Smart+',
              translate({ id: 'console.residents.tier.plus', message: 'iAM Smart+ (can sign)' }),
            ],
            [
              'iAM Smart',
              translate({ id: 'console.residents.tier.basic', message: 'iAM Smart (cannot sign)' }),
            ],
          ]}
          error={err('tier')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.enName', message: 'English name' })}
          name="enName"
          value={form.enName}
          placeholder="CHAN, Tai Man"
          onChange={(e) => set('enName', e.target.value)}
          error={err('enName')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.chName', message: 'Chinese name' })}
          name="chName"
          lang="zh-Hant"
          value={form.chName}
          onChange={(e) => set('chName', e.target.value)}
          error={err('chName')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.birthDate', message: 'Date of birth' })}
          name="birthDate"
          type="date"
          value={form.birthDate}
          onChange={(e) => set('birthDate', e.target.value)}
          error={err('birthDate')}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.gender', message: 'Gender' })}
          value={form.gender}
          onChange={(e) => set('gender', e.target.value as 'M' | 'F')}
          options={[
            ['F', translate({ id: 'console.residents.gender.f', message: 'Female' })],
            ['M', translate({ id: 'console.residents.gender.m', message: 'Male' })],
          ]}
          error={err('gender')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.email', message: 'e-ME email address' })}
          name="email"
          type="email"
          value={form.email}
          onChange={(e) => set('email', e.target.value)}
          error={err('email')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.countryCode', message: 'Country code' })}
          name="countryCode"
          inputMode="numeric"
          value={form.countryCode}
          onChange={(e) => set('countryCode', e.target.value)}
          error={err('countryCode')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.mobile', message: 'e-ME mobile number' })}
          name="mobile"
          inputMode="numeric"
          value={form.mobile}
          onChange={(e) => set('mobile', e.target.value)}
          error={err('mobile')}
        />
      </div>
      <div className={ui.formRow}>
        <SelectField
          label={translate({
            id: 'console.residents.field.decision',
            message: 'In the virtual app, the resident will',
          })}
          value={form.decision}
          onChange={(e) => set('decision', e.target.value as Decision)}
          options={decisionOptions()}
          error={err('decision')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.delayMs', message: 'Delay before deciding (ms)' })}
          name="delayMs"
          inputMode="numeric"
          value={form.delayMs}
          onChange={(e) => set('delayMs', e.target.value)}
          error={err('delayMs')}
        />
      </div>
      <CheckboxField
        label={translate({
          id: 'console.residents.field.appReachable',
          message: 'The iAM Smart app can receive pushes',
        })}
        checked={form.appReachable}
        onChange={(e) => set('appReachable', e.target.checked)}
        error={err('appReachable')}
      />
      <CheckboxField
        label={translate({
          id: 'console.residents.field.hkidMismatch',
          message: 'Refuse signing as an HKID mismatch (D70005)',
        })}
        checked={form.hkidMismatch}
        onChange={(e) => set('hkidMismatch', e.target.checked)}
        error={err('hkidMismatch')}
      />
      <TextField
        label={translate({ id: 'console.residents.field.tags', message: 'Tags' })}
        name="tags"
        value={form.tags}
        hint={translate({
          id: 'console.residents.field.tags.hint',
          message: 'Comma-separated: lower-case letters, digits and hyphens.',
        })}
        onChange={(e) => set('tags', e.target.value)}
        error={err('tags')}
      />
      <div className={ui.buttons}>
        <ActionButton type="submit">
          {resident
            ? translate({ id: 'console.residents.save', message: 'Save resident' })
            : translate({ id: 'console.residents.add', message: 'Add resident' })}
        </ActionButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          <Translate id="console.cancel">Cancel</Translate>
        </button>
      </div>
    </form>
  )
}

function ResidentDetail({
  id,
  orgId,
  onChanged,
  onClose,
}: {
  id: string
  orgId: string | undefined
  onChanged(): void
  onClose(): void
}) {
  const { data, error, setData } = useLoad(
    () => unwrap(sandboxApi.GET('/residents/{id}', { params: { path: { id } } })),
    [id],
  )
  const [editing, setEditing] = useState(false)
  const [actionError, setActionError] = useState<unknown>()
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const own = data.orgId !== null && data.orgId === orgId
  if (editing)
    return (
      <ResidentForm
        resident={data}
        onSaved={(r) => {
          setData(r)
          setEditing(false)
          onChanged()
        }}
        onCancel={() => setEditing(false)}
      />
    )
  const remove = async () => {
    if (
      !window.confirm(
        translate({ id: 'console.residents.delete.confirm', message: 'Delete {id}?' }, { id: data.id }),
      )
    )
      return
    try {
      await unwrap(sandboxApi.DELETE('/residents/{id}', { params: { path: { id: data.id } } }))
      onChanged()
      onClose()
    } catch (e) {
      setActionError(e)
    }
  }
  return (
    <section className={ui.panel} aria-labelledby="resident-detail">
      <h2 id="resident-detail">
        {data.profile.enName.UnstructuredName} <code>{data.id}</code>
      </h2>
      <ErrorAlert error={actionError} />
      {data.magic?.outcome && <Notice kind="info">{data.magic.outcome}</Notice>}
      {!own && (
        <p className={ui.hint}>
          <Translate id="console.residents.shared">
            A shared resident of the sandbox: every organisation can log it in, nobody can change it. Add your
            own to change one.
          </Translate>
        </p>
      )}
      <div className={ui.buttons}>
        {own && (
          <>
            <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
              <Translate id="console.residents.editButton">Edit</Translate>
            </button>
            <ActionButton className="button--danger button--outline" onClick={remove}>
              <Translate id="console.residents.delete">Delete</Translate>
            </ActionButton>
          </>
        )}
        <button type="button" className="button button--secondary" onClick={onClose}>
          <Translate id="console.close">Close</Translate>
        </button>
      </div>
      <h3>
        <Translate id="console.residents.profile">Profile</Translate>
      </h3>
      <Json value={data.profile} label={translate({ id: 'console.residents.profile', message: 'Profile' })} />
      <h3>e-ME</h3>
      <Json value={data.eme} label="e-ME" />
      <h3>
        <Translate id="console.residents.behaviour">Behaviour</Translate>
      </h3>
      <Json
        value={data.behaviour}
        label={translate({ id: 'console.residents.behaviour', message: 'Behaviour' })}
      />
    </section>
  )
}

export default function Residents() {
  const session = useSignedIn()
  const orgId = session.organisation?.id
  const [q, setQ] = useState('')
  const [tier, setTier] = useState('')
  const [tag, setTag] = useState('')
  const [offset, setOffset] = useState(0)
  const [query, setQuery] = useState({ q: '', tier: '', tag: '' })
  const [selected, setSelected] = useState<string>()
  const [creating, setCreating] = useState(false)
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<unknown>()
  const list = useLoad(
    () =>
      unwrap(
        sandboxApi.GET('/residents', {
          params: {
            query: {
              ...(query.q ? { q: query.q } : {}),
              ...(query.tier ? { tier: query.tier as Tier } : {}),
              ...(query.tag ? { tag: query.tag } : {}),
              limit: PAGE,
              offset,
            },
          },
        }),
      ),
    [query, offset],
  )

  const search = (e?: FormEvent) => {
    e?.preventDefault()
    setOffset(0)
    setQuery({ q: q.trim(), tier, tag: tag.trim() })
  }

  const reset = async () => {
    if (
      !window.confirm(
        translate({
          id: 'console.residents.reset.confirm',
          message: 'Remove every resident your organisation added? The shared residents stay as they are.',
        }),
      )
    )
      return
    try {
      const r = await unwrap(sandboxApi.POST('/residents/reset', {}))
      setError(undefined)
      setSelected(undefined)
      setMessage(
        translate(
          { id: 'console.residents.reset.removed', message: 'Residents removed: {count}.' },
          { count: r.count },
        ),
      )
      await list.reload()
    } catch (e) {
      setError(e)
    }
  }

  const rows: ResidentRow[] = list.data?.items ?? []
  return (
    <>
      <p>
        <Translate id="console.residents.intro">
          Log any of these residents in with the virtual app or the X-Sandbox-Resident header. Magic residents
          decide the outcome by who they are; add your own residents to test your data.
        </Translate>
      </p>
      <ErrorAlert error={error ?? list.error} />
      {message && <Notice>{message}</Notice>}
      <form className={ui.formRow} onSubmit={search} role="search">
        <TextField
          label={translate({ id: 'console.residents.search', message: 'Name, id or HKID' })}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.tier', message: 'Account tier' })}
          value={tier}
          onChange={(e) => setTier(e.target.value)}
          options={[
            ['', translate({ id: 'console.residents.tier.any', message: 'Any' })],
            ['iAM Smart+', 'iAM Smart+'],
            ['iAM Smart', 'iAM Smart'],
          ]}
        />
        <TextField
          label={translate({ id: 'console.residents.tag', message: 'Tag' })}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
        <div className={ui.field}>
          <span aria-hidden="true">&nbsp;</span>
          <button type="submit" className="button button--primary">
            <Translate id="console.residents.searchButton">Search</Translate>
          </button>
        </div>
      </form>
      <div className={ui.buttons}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setCreating(true)
            setSelected(undefined)
          }}
        >
          <Translate id="console.residents.newButton">New resident</Translate>
        </button>
        <ActionButton className="button--danger button--outline" onClick={reset}>
          <Translate id="console.residents.reset">Reset my organisation's residents</Translate>
        </ActionButton>
      </div>
      {creating && (
        <ResidentForm
          onSaved={(r) => {
            setCreating(false)
            setSelected(r.id)
            setMessage(translate({ id: 'console.residents.added', message: 'Added {id}.' }, { id: r.id }))
            void list.reload()
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {selected && !creating && (
        <ResidentDetail
          key={selected}
          id={selected}
          orgId={orgId}
          onChanged={() => void list.reload()}
          onClose={() => setSelected(undefined)}
        />
      )}
      <section aria-labelledby="resident-list" className={styles.section}>
        <h2 id="resident-list">
          {list.data
            ? translate(
                { id: 'console.residents.found', message: 'Residents found: {total}' },
                { total: list.data.total },
              )
            : translate({ id: 'console.residents.title', message: 'Residents' })}
        </h2>
        {list.loading && !list.data && <Loading />}
        <div className={ui.tableWrap}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">HKID</th>
                <th scope="col">
                  <Translate id="console.residents.field.tier">Account tier</Translate>
                </th>
                <th scope="col">
                  <Translate id="console.residents.col.name">Name</Translate>
                </th>
                <th scope="col">
                  <Translate id="console.residents.col.decision">Decides</Translate>
                </th>
                <th scope="col">
                  <Translate id="console.residents.tag">Tag</Translate>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.id === selected ? styles.selectedRow : undefined}>
                  <td>
                    <button
                      type="button"
                      className={styles.rowButton}
                      onClick={() => {
                        setCreating(false)
                        setSelected(r.id)
                      }}
                    >
                      {r.id}
                    </button>
                  </td>
                  <td>
                    <code>{r.hkid}</code>
                  </td>
                  <td>{r.tier}</td>
                  <td>
                    {r.englishName}
                    {r.chineseName && <span lang="zh-Hant"> {r.chineseName}</span>}
                  </td>
                  <td>{r.decision}</td>
                  <td>
                    {r.orgId && (
                      <Badge tone="ok">
                        {translate({ id: 'console.residents.yours', message: 'yours' })}
                      </Badge>
                    )}{' '}
                    {r.tags.join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.data && list.data.total > PAGE && (
          <div className={ui.buttons}>
            <button
              type="button"
              className="button button--secondary button--sm"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              <Translate id="console.previous">Previous</Translate>
            </button>
            <span>
              {translate(
                { id: 'console.residents.page', message: '{from}–{to} of {total}' },
                { from: offset + 1, to: Math.min(offset + PAGE, list.data.total), total: list.data.total },
              )}
            </span>
            <button
              type="button"
              className="button button--secondary button--sm"
              disabled={offset + PAGE >= list.data.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              <Translate id="console.next">Next</Translate>
            </button>
          </div>
        )}
      </section>
    </>
  )
}
