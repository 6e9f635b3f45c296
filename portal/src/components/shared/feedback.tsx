/** What a page says back: the error of a failed call, notices, badges, loading, busy buttons, JSON values. */
import Translate, { translate } from '@docusaurus/Translate'
import clsx from 'clsx'
import { type ReactNode, useState } from 'react'
import { ApiError } from './api'
import styles from './ui.module.css'

/** A failed call: its title and detail, the field errors no field shows, and the request id to quote. */
export function ErrorAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) return null
  const e = error instanceof ApiError ? error : undefined
  const rest = Object.entries(e?.fieldErrors ?? {}).filter(([k]) => !shownFields.includes(k))
  const detail = e ? e.problem?.detail : String((error as Error).message ?? error)
  return (
    <div className="alert alert--danger margin-bottom--md" role="alert">
      <strong>
        {e?.problem?.title || translate({ id: 'console.error.title', message: 'Something went wrong' })}
      </strong>
      {detail && <p className="margin-bottom--none">{detail}</p>}
      {rest.length > 0 && (
        <ul className="margin-bottom--none">
          {rest.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> {message}
            </li>
          ))}
        </ul>
      )}
      {e?.problem?.requestId && (
        <p className={clsx(styles.hint, 'margin-bottom--none')}>
          <Translate id="console.error.requestId" values={{ id: <code>{e.problem.requestId}</code> }}>
            {'Request id to quote: {id}'}
          </Translate>
        </p>
      )}
    </div>
  )
}

/** A success or information message, announced politely. */
export function Notice({
  kind = 'success',
  children,
}: {
  kind?: 'success' | 'info' | 'warning'
  children: ReactNode
}) {
  return (
    <div className={`alert alert--${kind} margin-bottom--md`} role="status">
      {children}
    </div>
  )
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'ok' | 'error' | 'warning' | 'neutral'
  children: ReactNode
}) {
  return <span className={clsx(styles.badge, styles[`badge_${tone}`])}>{children}</span>
}

export function Loading() {
  return (
    <p role="status" className={styles.hint}>
      <Translate id="console.loading">Loading…</Translate>
    </p>
  )
}

/** A button that runs an action once at a time, showing that it is busy. */
export function ActionButton({
  onClick,
  children,
  className = 'button--primary',
  disabled,
  type = 'button',
}: {
  onClick?: () => Promise<void> | void
  children: ReactNode
  className?: string
  disabled?: boolean
  type?: 'button' | 'submit'
}) {
  const [busy, setBusy] = useState(false)
  return (
    <button
      type={type}
      className={clsx('button', className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      onClick={
        onClick &&
        (async () => {
          setBusy(true)
          try {
            await onClick()
          } finally {
            setBusy(false)
          }
        })
      }
    >
      {children}
    </button>
  )
}

/** A value in a scrollable (and focusable) <pre>: text as it is, anything else as pretty JSON. */
export function Json({ value, label }: { value: unknown; label: string }) {
  const text = value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value, null, 2)
  return (
    <pre className={styles.json} aria-label={label} tabIndex={0}>
      <code>{text}</code>
    </pre>
  )
}

/** A value under its own heading (an h3), which names the <pre> too. */
export function TitledJson({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <h3>{title}</h3>
      <Json value={value} label={title} />
    </>
  )
}
