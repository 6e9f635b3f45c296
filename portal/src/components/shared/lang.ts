/**
 * The language the portal asks the sandbox API to write diagnoses in: the page's own (`<html lang>`, set by
 * Docusaurus per locale). Sent as `?lang=` (the live tail's EventSource cannot set headers) or Accept-Language.
 */
export function apiLang(): 'en' | 'zh-Hant' | 'zh-Hans' {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang
  return lang.startsWith('zh-Hant') ? 'zh-Hant' : lang.startsWith('zh-Hans') ? 'zh-Hans' : 'en'
}
