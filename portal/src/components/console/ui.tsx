/** Small building blocks of the console: labelled fields with their errors, alerts, badges, loading data. */
import Translate, { translate } from '@docusaurus/Translate'
import clsx from 'clsx'
import {
  type DependencyList,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useCallback,
  useEffect,
  useId,
  useState,
} from 'react'
import { ApiError } from './api'
import styles from './console.module.css'

interface FieldProps {
  label: ReactNode
  /** What is wrong with the value (shown under the field, and announced). */
  error?: string
  hint?: ReactNode
}

function FieldFrame({ id, label, error, hint, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={clsx(styles.field, error && styles.fieldInvalid)}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className={styles.hint}>
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className={styles.fieldError} role="alert">
          {error}
        </small>
      )}
    </div>
  )
}

const describedBy = (id: string, p: FieldProps) =>
  [p.hint && `${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(' ') || undefined

export function TextField({
  label,
  error,
  hint,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, error, hint })}
        {...input}
      />
    </FieldFrame>
  )
}

export function TextAreaField({
  label,
  error,
  hint,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, error, hint })}
        {...input}
      />
    </FieldFrame>
  )
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: readonly (readonly [string, string])[] }) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, error, hint })}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

export function CheckboxField({
  label,
  error,
  hint,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const id = useId()
  return (
    <div className={clsx(styles.checkbox, error && styles.fieldInvalid)}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { label, error, hint })}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={`${id}-hint`} className={styles.hint}>
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className={styles.fieldError} role="alert">
          {error}
        </small>
      )}
    </div>
  )
}

/** A failed call: its title and detail, the field errors no field shows, and the request id to quote. */
export function ErrorAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) return null
  const e = error instanceof ApiError ? error : undefined
  const rest = Object.entries(e?.fieldErrors ?? {}).filter(([k]) => !shownFields.includes(k))
  return (
    <div className="alert alert--danger margin-bottom--md" role="alert">
      <strong>
        {e?.problem?.title || translate({ id: 'console.error.title', message: 'Something went wrong' })}
      </strong>
      {(e?.problem?.detail ?? (e ? undefined : String((error as Error).message ?? error))) && (
        <p className="margin-bottom--none">
          {e?.problem?.detail ?? String((error as Error).message ?? error)}
        </p>
      )}
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

/** Data loaded on the client (never during the static build), with a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState(true)
  const run = useCallback(load, deps)
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setData(await run())
      setError(undefined)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }, [run])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, loading, reload, setData }
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

export function Loading() {
  return (
    <p role="status" className={styles.hint}>
      <Translate id="console.loading">Loading…</Translate>
    </p>
  )
}

/** The error of one field from a 422: its own path or any path under it (e.g. `profile.idNo.CheckDigit`). */
export function fieldError(errors: Record<string, string>, ...paths: string[]): string | undefined {
  for (const [key, message] of Object.entries(errors))
    if (paths.some((p) => key === p || key.startsWith(`${p}.`))) return message
  return undefined
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
