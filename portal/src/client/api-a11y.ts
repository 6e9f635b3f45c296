/**
 * Accessibility fixes for the API reference's theme (docusaurus-theme-openapi-docs), which axe-core flags: its
 * tab-scrolling arrows have no accessible name, and its schema lists hold <div> items. Names the arrows and gives the
 * items the listitem role, on every page and whenever the theme renders more (a tab switch, an expanded schema).
 */
const LABELS: Record<string, { left: string; right: string }> = {
  en: { left: 'Scroll the tabs left', right: 'Scroll the tabs right' },
  'zh-Hant': { left: '向左捲動分頁', right: '向右捲動分頁' },
  'zh-Hans': { left: '向左滚动标签页', right: '向右滚动标签页' },
}

function labels(): { left: string; right: string } {
  const lang = document.documentElement.lang
  return lang.startsWith('zh-Hant')
    ? LABELS['zh-Hant']!
    : lang.startsWith('zh')
      ? LABELS['zh-Hans']!
      : LABELS.en!
}

function fix(root: ParentNode): void {
  const l = labels()
  root
    .querySelectorAll<HTMLButtonElement>('button.openapi-tabs__arrow:not([aria-label])')
    .forEach((b) => b.setAttribute('aria-label', b.classList.contains('left') ? l.left : l.right))
  root
    .querySelectorAll(
      'ul > div.openapi-schema__list-item:not([role]), ul > div.openapi-params__list-item:not([role])',
    )
    .forEach((item) => item.setAttribute('role', 'listitem'))
}

let observer: MutationObserver | undefined

export function onRouteDidUpdate(): void {
  if (typeof document === 'undefined') return
  fix(document)
  if (!observer) {
    observer = new MutationObserver(() => fix(document))
    observer.observe(document.body, { childList: true, subtree: true })
  }
}
