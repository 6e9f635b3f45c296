/** @jsxRuntime automatic @jsxImportSource hono/jsx — The iAM Smart button (UI guidelines): mandated caption per language, brand colour #2b7367, "More info" link beside it. */
import type { Lang } from '@iamsmart-sandbox/openapi/client'
import { t } from '../i18n'

export type ButtonKind = 'login' | 'continue' | 'signing'

/** A plain mark, not the iAM Smart logo (the sandbox never reproduces the trademarked artwork). */
const Mark = () => (
  <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
    <circle cx="12" cy="12" r="11" fill="none" stroke="#fff" stroke-width="2" />
    <circle cx="12" cy="8" r="2" fill="#fff" />
    <rect x="10.75" y="11" width="2.5" height="7" rx="1" fill="#fff" />
  </svg>
)

/** A form so that the request starts only when the resident clicks (never on page load). */
export function IamSmartButton(props: { kind: ButtonKind; lang: Lang; action: string }) {
  const s = t(props.lang)
  return (
    <form method="post" action={props.action} style="display:inline-block;margin:8px 12px 8px 0">
      <button type="submit" class="iams-btn" data-testid={`iams-${props.kind}`}>
        <Mark />
        <span>{s[props.kind]}</span>
      </button>
    </form>
  )
}

export function MoreInfo(props: { lang: Lang }) {
  const s = t(props.lang)
  return (
    <a href={s.moreInfoUrl} target="_blank" rel="noopener noreferrer" data-testid="more-info">
      {s.moreInfo}
    </a>
  )
}
