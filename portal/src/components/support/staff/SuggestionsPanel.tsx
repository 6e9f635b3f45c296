/** What the desk suggests for an enquiry: a category and why, portal pages, similar open enquiries to merge. */
import Translate, { translate } from '@docusaurus/Translate'
import Heading from '@theme/Heading'
import { supportApi, unwrap } from '../../shared/api'
import type { Enquiry, Suggestions } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { term } from '../terms'

export default function SuggestionsPanel({
  enquiry,
  suggestions,
  isLead,
  busy,
  run,
  onMerged,
}: {
  enquiry: Enquiry
  suggestions: Suggestions
  /** Only support leads may merge. */
  isLead: boolean
  busy: boolean
  run(fn: () => Promise<void>): Promise<void>
  onMerged(): void
}) {
  const leadsOnly = translate({ id: 'support.mergeLeadsOnly', message: 'Only support leads can merge.' })
  const merge = (id: string) =>
    void run(async () => {
      await unwrap(
        supportApi.POST('/enquiries/{enquiryId}/merge', {
          params: { path: { enquiryId: id } },
          body: { into: enquiry.id },
        }),
      )
      onMerged()
    })
  return (
    <section className={ui.panel} aria-labelledby="sugg-title">
      <Heading as="h3" id="sugg-title">
        <Translate id="support.suggestions">Suggestions</Translate>
      </Heading>
      <p>
        <Translate id="support.suggestedCategory">Suggested category</Translate>:{' '}
        <strong data-testid="suggested-category">{term(suggestions.category.category)}</strong>
      </p>
      <ul>
        {suggestions.category.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <p>
        <Translate id="support.suggestedPages">Portal pages</Translate>:
      </p>
      <ul>
        {suggestions.pages.map((p) => (
          <li key={p.path}>
            <a href={p.path}>{p.title}</a> — {p.reason}
          </li>
        ))}
      </ul>
      <p>
        <Translate id="support.similar">Similar open enquiries</Translate>:
      </p>
      {suggestions.similar.length === 0 && (
        <p>
          <Translate id="support.noSimilar">None.</Translate>
        </p>
      )}
      <ul>
        {suggestions.similar.map((s) => (
          <li key={s.id}>
            {s.reference} · {s.subject} · {term(s.status)} · {s.score.toFixed(2)} ({s.shared.join(', ')}){' '}
            <button
              type="button"
              className="button button--sm button--secondary"
              disabled={!isLead || !s.sameOrganisation || busy}
              title={
                !isLead
                  ? leadsOnly
                  : !s.sameOrganisation
                    ? translate({ id: 'support.sameOrgOnly', message: 'Other organisation: cannot merge' })
                    : undefined
              }
              onClick={() => merge(s.id)}
            >
              <Translate id="support.merge">Merge into this one</Translate>
            </button>
            {!isLead && <small> {leadsOnly}</small>}
          </li>
        ))}
      </ul>
    </section>
  )
}
