/** A data table in a box that scrolls sideways on its own: a header row of columns, then the rows given. */
import clsx from 'clsx'
import type { ReactNode } from 'react'
import styles from './ui.module.css'

export function Table({
  columns,
  children,
  caption,
  className,
  testId,
}: {
  /** The column headings; `null` leaves a corner cell empty (above a column of row headings). */
  columns: readonly ReactNode[]
  /** The rows (`<tr>`). */
  children: ReactNode
  caption?: ReactNode
  className?: string
  testId?: string
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={clsx(styles.table, className)} data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) =>
              c === null ? (
                <td key={i} />
              ) : (
                <th key={i} scope="col">
                  {c}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
