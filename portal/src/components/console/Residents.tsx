/**
 * The synthetic residents: search the shared (seeded) ones and your organisation's own, add and edit your own with
 * each invalid field named by the sandbox (422 `errors`), delete them, and reset your organisation's residents.
 */
import Translate, { translate } from '@docusaurus/Translate'
import { type FormEvent, useState } from 'react'
import { sandboxApi, unwrap } from '../shared/api'
import { ActionButton, Badge, ErrorAlert, Loading, Notice } from '../shared/feedback'
import { SelectField, TextField, useFields } from '../shared/fields'
import { useLoad } from '../shared/hooks'
import { Section } from '../shared/Section'
import { useSignedIn } from '../shared/session'
import { Table } from '../shared/Table'
import type { ResidentRow } from '../shared/types'
import ui from '../shared/ui.module.css'
import styles from './console.module.css'
import type { Tier } from './residents/form'
import ResidentDetail from './residents/ResidentDetail'
import ResidentForm from './residents/ResidentForm'

const PAGE = 25

export default function Residents() {
  const session = useSignedIn()
  const orgId = session.organisation?.id
  const filters = useFields({ q: '', tier: '', tag: '' })
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
    const { q, tier, tag } = filters.values
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
          {...filters.bind('q')}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.tier', message: 'Account tier' })}
          {...filters.bind('tier')}
          none={translate({ id: 'console.residents.tier.any', message: 'Any' })}
          options={[
            ['iAM Smart+', 'iAM Smart+'],
            ['iAM Smart', 'iAM Smart'],
          ]}
        />
        <TextField
          label={translate({ id: 'console.residents.tag', message: 'Tag' })}
          {...filters.bind('tag')}
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
      <Section
        id="resident-list"
        title={
          list.data
            ? translate(
                { id: 'console.residents.found', message: 'Residents found: {total}' },
                { total: list.data.total },
              )
            : translate({ id: 'console.residents.title', message: 'Residents' })
        }
      >
        {list.loading && !list.data && <Loading />}
        <Table
          columns={[
            'Id',
            'HKID',
            <Translate id="console.residents.field.tier">Account tier</Translate>,
            <Translate id="console.residents.col.name">Name</Translate>,
            <Translate id="console.residents.col.decision">Decides</Translate>,
            <Translate id="console.residents.tag">Tag</Translate>,
          ]}
        >
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
                  <Badge tone="ok">{translate({ id: 'console.residents.yours', message: 'yours' })}</Badge>
                )}{' '}
                {r.tags.join(', ')}
              </td>
            </tr>
          ))}
        </Table>
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
      </Section>
    </>
  )
}
