/** What a call and a callback both show first: their result, their id, their time and other facts, then the diagnoses. */
import Translate from '@docusaurus/Translate'
import type { ReactNode } from 'react'
import { Fact } from '../../shared/Section'
import type { InspectorDiagnosis } from '../../shared/types'
import styles from '../console.module.css'
import Diagnoses from './Diagnoses'

export default function Summary({
  result,
  idTerm,
  id,
  time,
  diagnosis,
  children,
}: {
  result: ReactNode
  /** The id's name: `txID`, `URL`. */
  idTerm: string
  id: string
  time: ReactNode
  diagnosis: InspectorDiagnosis[]
  /** More facts (`<Fact>`s). */
  children?: ReactNode
}) {
  return (
    <>
      <dl className={styles.kv}>
        <Fact term={<Translate id="console.inspector.col.code">Result</Translate>}>{result}</Fact>
        <Fact term={idTerm}>
          <code>{id}</code>
        </Fact>
        <Fact term={<Translate id="console.inspector.col.time">Time</Translate>}>{time}</Fact>
        {children}
      </dl>
      <Diagnoses items={diagnosis} />
    </>
  )
}
