/** The HTML shell of every platform page, with the security headers browser pages must carry. */
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Lang } from '../features/tickets'
import { randomHex } from '../ids'
import { htmlLang, t } from './i18n'
import { styles } from './styles'

/** CSP with a per-response nonce for the one inline script a page may have; no framing, no referrer. */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  }
}

export interface PageOptions {
  lang: Lang
  title: string
  phone?: boolean
  script?: string
  status?: 200 | 400 | 404
}

export function renderPage(c: Context, opts: PageOptions, body: Child): Response {
  const nonce = randomHex(16)
  const html = (
    <html lang={htmlLang(opts.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{opts.title}</title>
        <style>{raw(styles)}</style>
      </head>
      <body class={opts.phone ? 'phone' : 'page'}>
        <div class="banner" role="note">
          {t(opts.lang).mockBanner}
        </div>
        <main>{body}</main>
        {opts.script ? <script nonce={nonce}>{raw(opts.script)}</script> : null}
      </body>
    </html>
  )
  return c.html(`<!doctype html>${html}`, opts.status ?? 200, pageHeaders(nonce))
}
