/** Pieces both support pages use: tabs, an item opened from a list, an application's title, an enquiry's replies. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import clsx from 'clsx'
import type { ReactNode } from 'react'
import { formatHkMinutes } from '../hk-time'
import { supportApi, unwrap } from '../shared/api'
import { useLoad } from '../shared/hooks'
import type { Application, Enquiry } from '../shared/types'
import ui from '../shared/ui.module.css'
import type { Selection } from './selection'
import styles from './support.module.css'
import { fieldName, term } from './terms'

/** Buttons that switch between a page's parts, the current one pressed. */
export function Tabs<K extends string>({
  tabs,
  current,
  onChange,
}: {
  tabs: readonly (readonly [K, string])[]
  current: K
  onChange(tab: K): void
}) {
  return (
    <div className={styles.tabs} role="group">
      {tabs.map(([k, label]) => (
        <button
          key={k}
          type="button"
          aria-pressed={current === k}
          className={clsx('button', current === k ? 'button--primary' : 'button--secondary')}
          onClick={() => onChange(k)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}

/** A link that opens an item on this page: its address is the item's (`?enquiry=<id>`), a click selects it in place. */
export function ItemLink({
  item,
  select,
  children,
}: {
  item: NonNullable<Selection>
  select(s: Selection): void
  children: ReactNode
}) {
  return (
    <a
      href={`?${item.kind}=${item.id}`}
      onClick={(ev) => {
        ev.preventDefault()
        select(item)
      }}
    >
      {children}
    </a>
  )
}

/** A row of a list of enquiries or applications: the item's reference, its title opening it, then `children` (cells). */
export function ItemRow({
  kind,
  item,
  title,
  select,
  children,
}: {
  kind: NonNullable<Selection>['kind']
  item: { id: string; reference: string }
  title: string
  select(s: Selection): void
  children: ReactNode
}) {
  return (
    <tr>
      <td>{item.reference}</td>
      <td>
        <ItemLink item={{ kind, id: item.id }} select={select}>
          {title}
        </ItemLink>
      </td>
      {children}
    </tr>
  )
}

/** A form's submit button, disabled while the form is busy. */
export function SubmitButton({
  busy,
  className = 'button--primary',
  children,
}: {
  busy: boolean
  className?: string
  children: ReactNode
}) {
  return (
    <div>
      <button type="submit" className={clsx('button', className)} disabled={busy}>
        {children}
      </button>
    </div>
  )
}

/** One enquiry or application opened from a list: the way back, its heading (which names it), then `children`. */
export function ItemArticle({
  id,
  title,
  onBack,
  children,
}: {
  /** The heading's id. */
  id: string
  title: ReactNode
  onBack(): void
  children: ReactNode
}) {
  return (
    <article aria-labelledby={id}>
      <button type="button" className="button button--link" onClick={onBack}>
        ← <Translate id="support.back">Back to the list</Translate>
      </button>
      <Heading as="h2" id={id}>
        {title}
      </Heading>
      {children}
    </article>
  )
}

/** "Sandbox Programme application" or "Integration-test (ITE) readiness application". */
export function applicationTitle(type: 'programme' | 'ite'): string {
  return type === 'programme'
    ? translate({ id: 'support.programmeApp', message: 'Sandbox Programme application' })
    : translate({ id: 'support.iteApp', message: 'Integration-test (ITE) readiness application' })
}

/** An application, loaded by its id. */
export function useApplication(id: string) {
  return useLoad(
    () =>
      unwrap(supportApi.GET('/applications/{applicationId}', { params: { path: { applicationId: id } } })),
    [id],
  )
}

/**
 * An application opened from a list: the way back, its title and reference (the heading, with the id given), a line
 * with its status (with the test id given), revision and the organisation's programme stage (`lead` before, `after`
 * after), then `children`.
 */
export function ApplicationArticle({
  id,
  app,
  statusTestId,
  onBack,
  lead,
  after,
  children,
}: {
  id: string
  app: Application
  statusTestId: string
  onBack(): void
  lead?: ReactNode
  after?: ReactNode
  children: ReactNode
}) {
  return (
    <ItemArticle id={id} title={`${applicationTitle(app.type)} · ${app.reference}`} onBack={onBack}>
      <p>
        {lead}
        {fieldName('status')}: <strong data-testid={statusTestId}>{term(app.status)}</strong> ·{' '}
        <Translate id="support.revision">Revision</Translate>: {app.revision} ·{' '}
        <Translate id="support.programmeStage">Programme stage</Translate>:{' '}
        {term(app.organisation.programmeStatus)}
        {after}
      </p>
      {children}
    </ItemArticle>
  )
}

/** An enquiry's replies, oldest first, staff replies marked; staff see the authors' addresses first. */
export function Replies({ enquiry, staff = false }: { enquiry: Enquiry; staff?: boolean }) {
  const label = translate({ id: 'support.replies', message: 'Replies' })
  return (
    <>
      <Heading as="h3" id="thread-title">
        {label}
      </Heading>
      {enquiry.replies.length === 0 && (
        <p>
          <Translate id="support.noReplies">No replies yet.</Translate>
        </p>
      )}
      <ol className="clean-list" aria-label={label}>
        {enquiry.replies.map((r) => (
          <li
            key={r.id}
            className={clsx(ui.panel, r.by.kind === 'staff' && styles.staffReply)}
            data-testid="reply"
          >
            <p>
              <strong>{(staff ? (r.by.email ?? r.by.name) : (r.by.name ?? r.by.email)) ?? r.by.kind}</strong>
              {' · '}
              {formatHkMinutes(r.at)}
            </p>
            <p className={styles.pre}>{r.body}</p>
          </li>
        ))}
      </ol>
    </>
  )
}
