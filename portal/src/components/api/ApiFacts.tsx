/**
 * On each API reference page, under the endpoint: how sure the sandbox is of the operation (`x-fidelity`, as a badge
 * linked to the fidelity table), whether its bodies are encrypted, and every D-code it can return with its message
 * and meaning (`x-dcodes`), each linked to the return-code reference.
 */
import Link from '@docusaurus/Link'
import Translate, { translate } from '@docusaurus/Translate'
import useBaseUrl from '@docusaurus/useBaseUrl'
import type { ReactNode } from 'react'
import styles from './api.module.css'

export interface DCodeInfo {
  code: string
  message: string
  description: string
}

type Fidelity = 'confirmed' | 'single-source' | 'inferred' | 'sandbox'

function fidelityLabel(f: Fidelity): string {
  return {
    confirmed: translate({ id: 'api.fidelity.confirmed', message: 'Confirmed' }),
    'single-source': translate({ id: 'api.fidelity.singleSource', message: 'Single source' }),
    inferred: translate({ id: 'api.fidelity.inferred', message: 'Inferred' }),
    sandbox: translate({ id: 'api.fidelity.sandbox', message: 'Sandbox choice' }),
  }[f]
}

function fidelityMeaning(f: Fidelity): string {
  return {
    confirmed: translate({
      id: 'api.fidelity.confirmed.meaning',
      message: 'Stated officially, or implemented alike by two or more independent public integrations.',
    }),
    'single-source': translate({
      id: 'api.fidelity.singleSource.meaning',
      message: 'Seen in one public integration only; re-test it in the ITE.',
    }),
    inferred: translate({
      id: 'api.fidelity.inferred.meaning',
      message: 'Deduced from the evidence, not stated anywhere; re-test it in the ITE.',
    }),
    sandbox: translate({
      id: 'api.fidelity.sandbox.meaning',
      message: 'The sandbox’s own choice where the public record is silent.',
    }),
  }[f]
}

/** `code spans` of a description as <code>. */
function withCode(text: string): ReactNode[] {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        part
      ),
    )
}

export default function ApiFacts({
  fidelity,
  encrypted,
  dcodes,
}: {
  fidelity: Fidelity | null
  encrypted: boolean
  dcodes: DCodeInfo[]
}) {
  const dcodesPage = useBaseUrl('/docs/reference/dcodes')
  return (
    <div className={styles.facts} data-testid="api-facts">
      <p className={styles.badges}>
        {fidelity && (
          <Link
            to="/docs/reference/fidelity"
            className={`${styles.badge} ${styles[`fidelity_${fidelity.replace('-', '_')}`]}`}
            title={fidelityMeaning(fidelity)}
            data-testid="fidelity-badge"
          >
            <Translate id="api.fidelity.label" values={{ level: fidelityLabel(fidelity) }}>
              {'Fidelity: {level}'}
            </Translate>
          </Link>
        )}
        {encrypted && (
          <span className={`${styles.badge} ${styles.encrypted}`} data-testid="encrypted-badge">
            <Translate id="api.encrypted.badge">Encrypted body: fields shown decrypted</Translate>
          </span>
        )}
      </p>
      {fidelity && <p className={styles.meaning}>{fidelityMeaning(fidelity)}</p>}
      {dcodes.length > 0 && (
        <details className={styles.dcodes}>
          <summary>
            <Translate id="api.dcodes.summary" values={{ count: dcodes.length }}>
              {'Return codes this operation can give ({count})'}
            </Translate>
          </summary>
          <table data-testid="dcodes">
            <thead>
              <tr>
                <th scope="col">
                  <Translate id="api.dcodes.code">Code</Translate>
                </th>
                <th scope="col">
                  <Translate id="api.dcodes.message">Message</Translate>
                </th>
                <th scope="col">
                  <Translate id="api.dcodes.meaning">Meaning and what to do</Translate>
                </th>
              </tr>
            </thead>
            <tbody>
              {dcodes.map((d) => (
                <tr key={d.code}>
                  <th scope="row">
                    {/* A plain link: the codes' anchors are ids in a generated table, unknown to the anchor check. */}
                    <a href={`${dcodesPage}#${d.code.toLowerCase()}`}>
                      <code>{d.code}</code>
                    </a>
                  </th>
                  <td>{d.message}</td>
                  <td>{withCode(d.description)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  )
}
