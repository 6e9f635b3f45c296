/** Labelled form fields with their hint and their error (announced), for every form of the portal. */
import clsx from 'clsx'
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react'
import styles from './ui.module.css'

interface FieldProps {
  label: ReactNode
  /** What is wrong with the value (shown under the field, and announced). */
  error?: string
  hint?: ReactNode
}

/** The id of a field's control and the ARIA attributes tying it to its hint and error. */
function useControl({ error, hint }: Omit<FieldProps, 'label'>) {
  const id = useId()
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }
}

/** The hint and the error under a control. */
function Notes({ id, error, hint }: Omit<FieldProps, 'label'> & { id: string }) {
  return (
    <>
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
    </>
  )
}

function Field({ id, label, error, hint, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={clsx(styles.field, error && styles.fieldInvalid)}>
      <label htmlFor={id}>{label}</label>
      {children}
      <Notes id={id} error={error} hint={hint} />
    </div>
  )
}

export function TextField({
  label,
  error,
  hint,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const control = useControl({ error, hint })
  return (
    <Field id={control.id} label={label} error={error} hint={hint}>
      <input {...control} {...input} />
    </Field>
  )
}

export function TextAreaField({
  label,
  error,
  hint,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const control = useControl({ error, hint })
  return (
    <Field id={control.id} label={label} error={error} hint={hint}>
      <textarea {...control} {...textarea} />
    </Field>
  )
}

/** A select of `[value, text]` options. */
export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: readonly (readonly [string, string])[] }) {
  const control = useControl({ error, hint })
  return (
    <Field id={control.id} label={label} error={error} hint={hint}>
      <select {...control} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function CheckboxField({
  label,
  error,
  hint,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const control = useControl({ error, hint })
  return (
    <div className={clsx(styles.checkbox, error && styles.fieldInvalid)}>
      <input type="checkbox" {...control} {...input} />
      <label htmlFor={control.id}>{label}</label>
      <Notes id={control.id} error={error} hint={hint} />
    </div>
  )
}

/** The error of one field from a 422: its own path or any path under it (e.g. `profile.idNo.CheckDigit`). */
export function fieldError(errors: Record<string, string>, ...paths: string[]): string | undefined {
  for (const [key, message] of Object.entries(errors))
    if (paths.some((p) => key === p || key.startsWith(`${p}.`))) return message
  return undefined
}
