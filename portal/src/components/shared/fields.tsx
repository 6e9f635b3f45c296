/** Labelled form fields with their hint and their error (announced), for every form of the portal. */
import { translate } from '@docusaurus/Translate'
import clsx from 'clsx'
import {
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from 'react'
import { ApiError } from './api'
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

/** A labelled control: `control` draws it with the id and ARIA attributes that tie it to its label, hint and error. */
function Field({
  label,
  error,
  hint,
  control,
}: FieldProps & { control(attributes: ReturnType<typeof useControl>): ReactNode }) {
  const attributes = useControl({ error, hint })
  return (
    <div className={clsx(styles.field, error && styles.fieldInvalid)}>
      <label htmlFor={attributes.id}>{label}</label>
      {control(attributes)}
      <Notes id={attributes.id} error={error} hint={hint} />
    </div>
  )
}

export function TextField(props: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const { label, error, hint, ...input } = props
  return <Field label={label} error={error} hint={hint} control={(a) => <input {...a} {...input} />} />
}

/** A field for a whole number, typed as text (its value stays a string): phones show their number pad. */
export function NumberField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'inputMode'>) {
  return <TextField inputMode="numeric" {...props} />
}

/** An email address field, labelled "Email address" unless `label` says otherwise. */
export function EmailField({
  label = translate({ id: 'console.field.email', message: 'Email address' }),
  ...props
}: Partial<FieldProps> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return <TextField label={label} type="email" {...props} />
}

export function TextAreaField(props: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { label, error, hint, ...textarea } = props
  return <Field label={label} error={error} hint={hint} control={(a) => <textarea {...a} {...textarea} />} />
}

/** A select of `[value, text]` options; `none`: the text of a first choice of no value (''), as "Any" or "Keep". */
export function SelectField(
  props: FieldProps &
    SelectHTMLAttributes<HTMLSelectElement> & {
      options: readonly (readonly [string, string])[]
      none?: string
    },
) {
  const { label, error, hint, none, options: given, ...select } = props
  const options = none === undefined ? given : [['', none] as const, ...given]
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      control={(a) => (
        <select {...a} {...select}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
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

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** What `bind` gives a field: its name, value, change and error. */
export interface Bound {
  name: string
  value: string
  onChange(e: ChangeEvent<Control>): void
  error: string | undefined
}

/** The keys of a form's values that hold text (a select's too), and those that hold a checkbox's state. */
type TextKey<T> = { [K in keyof T]: T[K] extends boolean ? never : K }[keyof T] & string
type CheckKey<T> = { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T] & string

/**
 * A form's values, each bound to its field, and the error of its last send: `<TextField {...bind('name')} />`
 * gives the field its name (the key), value, change and what a 422 says about it (its path in the body: the one
 * given, else the one in `paths`, else the value's key); `<CheckboxField {...check('flag')} />` likewise, a checkbox
 * its state. The error is the one given (`useAction`'s), else the one kept by `fail` (`fail(undefined)` clears it).
 */
export function useFields<T extends Record<keyof T, string | boolean | undefined>>(
  initial: T,
  sent?: unknown,
  paths: Partial<Record<keyof T, string>> = {},
) {
  const [values, setValues] = useState(initial)
  const [kept, fail] = useState<unknown>()
  const error = sent ?? kept
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((v) => ({ ...v, [key]: value }))
  const bind = <K extends TextKey<T>>(key: K, path: string = paths[key] ?? key) => ({
    name: key,
    value: values[key] as string,
    onChange: (e: ChangeEvent<Control>) => set(key, e.target.value as T[K]),
    error: fieldError(errors, path),
  })
  const check = <K extends CheckKey<T>>(key: K, path: string = paths[key] ?? key) => ({
    checked: values[key] as boolean,
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.target.checked as T[K]),
    error: fieldError(errors, path),
  })
  /** `reset`: back to this render's `initial`. */
  return { values, set, reset: () => setValues(initial), bind, check, error, fail, errors }
}
