/** A part of a console page named by its heading (`aria-labelledby`): a section, or a form that sends itself. */
import type { FormEvent, ReactNode } from 'react'
import styles from './ui.module.css'

interface Named {
  /** The heading's id, which names the section. */
  id: string
  title: ReactNode
  children: ReactNode
}

/** A section of a page, spaced from the next; `panel`: in a box. */
export function Section({ id, title, children, panel }: Named & { panel?: boolean }) {
  return (
    <section aria-labelledby={id} className={panel ? styles.panel : styles.section}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

/** A form in a panel; the browser's own validation is off (the sandbox's 422 says what is wrong, by field). */
export function FormPanel({
  id,
  title,
  children,
  onSubmit,
}: Named & { onSubmit(e: FormEvent<HTMLFormElement>): Promise<void> | void }) {
  return (
    <form className={styles.panel} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </form>
  )
}

/** A term and its description in a `<dl>`. */
export function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  )
}
