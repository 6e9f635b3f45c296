/** @jsxRuntime automatic @jsxImportSource hono/jsx — The page frame: header with the language switch and navigation, flash message, the sandbox notice. */
import type { Lang } from '@iamsmart-sandbox/openapi/client'
import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { htmlLang, LANGS, t } from '../i18n'

const CSS = `
body{font-family:system-ui,"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2b2a;background:#f5f7f7}
header{background:#fff;border-bottom:1px solid #d9e2e1;padding:12px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header strong{font-size:18px}nav a,.langs a{margin-right:12px;color:#2b7367}
main{max-width:760px;margin:24px auto;padding:0 16px}.card{background:#fff;border:1px solid #d9e2e1;border-radius:8px;padding:20px;margin-bottom:16px}
.flash{background:#e8f3f1;border-left:4px solid #2b7367;padding:10px 14px;margin-bottom:16px}
label{display:block;margin:10px 0 4px;font-weight:600}input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;padding:8px;border:1px solid #b9c7c5;border-radius:4px}
.badge{display:inline-block;margin-left:8px;padding:1px 8px;border-radius:10px;background:#2b7367;color:#fff;font-size:12px;font-weight:400}
.iams-btn{display:inline-flex;align-items:center;gap:10px;background:#2b7367;color:#fff;border:0;border-radius:6px;padding:10px 18px;font-size:16px;cursor:pointer}
.iams-btn:hover{background:#225c53}.plain-btn{padding:8px 16px;border:1px solid #2b7367;background:#fff;color:#2b7367;border-radius:6px;cursor:pointer}
.code{font-size:40px;letter-spacing:8px;font-weight:700;color:#2b7367}table{border-collapse:collapse;width:100%;font-size:14px}
td,th{border-bottom:1px solid #e3e9e8;padding:6px;text-align:left;vertical-align:top}.muted{color:#5b6b69;font-size:14px}
footer{text-align:center;color:#5b6b69;font-size:12px;margin:32px 0}`

export function Page(props: {
  lang: Lang
  title: string
  flash?: string
  refresh?: number
  children: Child
}) {
  const s = t(props.lang)
  return (
    <html lang={htmlLang(props.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refresh ? <meta http-equiv="refresh" content={String(props.refresh)} /> : null}
        <title>{`${props.title} · ${s.service}`}</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <header>
          <strong>{s.service}</strong>
          <nav>
            <a href="/">{s.home}</a>
            <a href="/form">{s.form}</a>
            <a href="/timeline" data-testid="nav-timeline">
              {s.timeline}
            </a>
          </nav>
          <span class="langs" data-testid="langs">
            {LANGS.filter((l) => l.lang !== props.lang).map((l) => (
              <a href={`?lang=${l.lang}`} lang={htmlLang(l.lang)}>
                {l.label}
              </a>
            ))}
          </span>
        </header>
        <main>
          {props.flash ? (
            <p class="flash" data-testid="flash">
              {props.flash}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer>
          A sample e-Service built on the iAM Smart Developer Sandbox (mock; not affiliated with DPO/OGCIO).
        </footer>
      </body>
    </html>
  )
}

/** The page as an HTML response (the JSX tree rendered to a string, behind a doctype). */
export function render(c: Context, page: Child, status: ContentfulStatusCode = 200): Response {
  return c.html(`<!doctype html>${page}`, status)
}
