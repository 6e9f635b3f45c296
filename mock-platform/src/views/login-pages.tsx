/** The browser pages of getQR: QR page (desktop), broker page (mobile browser) and the error page that never redirects. */
import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { DCode } from '../errors'
import { dcodeText } from '../dcodes.i18n'
import type { RegisteredApp } from '../features/apps'
import type { Lang, Ticket } from '../features/tickets'
import { LANGS, langOf, moreInfoUrl, t } from './i18n'
import { renderPage } from './layout'

const LANG_LABELS: Record<Lang, string> = { 'en-US': 'English', 'zh-HK': '繁體中文', 'zh-CN': '简体中文' }

/** The foot of the QR and broker pages: the official "More info" link, then this page in the other languages. */
function Footer(props: { c: Context; lang: Lang }) {
  const url = new URL(props.c.req.url)
  return (
    <>
      <p>
        <a href={moreInfoUrl(props.lang)} target="_blank" rel="noopener">
          {t(props.lang).moreInfo}
        </a>
      </p>
      <p class="langs">
        {LANGS.filter((l) => l !== props.lang).map((l) => {
          url.searchParams.set('lang', l)
          return <a href={`${url.pathname}${url.search}`}>{LANG_LABELS[l]}</a>
        })}
      </p>
    </>
  )
}

export function qrPage(
  c: Context,
  o: { lang: Lang; app: RegisteredApp; ticket: Ticket; svg: string; link: string; refreshMs: number },
): Response {
  const s = t(o.lang)
  const title = o.ticket.kind === 'login' ? s.qrTitle : s.kinds[o.ticket.kind]
  const script = `
const statusUrl = ${JSON.stringify(`/api/v1/auth/getQR/status/${o.ticket.ticketID}`)};
let lastQr = Date.now();
async function poll() {
  try {
    const r = await fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' });
    if (r.ok) {
      const s = await r.json();
      if (s.location) { window.location.assign(s.location); return; }
      if (s.svg && Date.now() - lastQr >= ${o.refreshMs}) {
        document.getElementById('qr').innerHTML = s.svg;
        document.getElementById('qr-link').href = s.link;
        lastQr = Date.now();
      }
      const left = Math.max(0, Math.round((s.expiresAt - s.now) / 1000));
      document.getElementById('left').textContent = left + ' s';
    }
  } catch (e) {}
  setTimeout(poll, 1000);
}
poll();`
  return renderPage(
    c,
    { lang: o.lang, title, script },
    <div class="card" data-testid="qr-page">
      <h1>{title}</h1>
      <p class="muted">
        {s.requestFrom}: <strong data-testid="service-name">{o.app.name}</strong>
      </p>
      {o.ticket.signCode ? (
        <div>
          <p class="muted">{s.signCode}</p>
          <p class="code" data-testid="sign-code">
            {o.ticket.signCode}
          </p>
        </div>
      ) : null}
      <div class="qr" id="qr" data-testid="qr">
        {raw(o.svg)}
      </div>
      <p>{s.qrInstruction}</p>
      <p class="muted">
        {s.qrRefresh} {s.qrExpiresIn}{' '}
        <span id="left">{Math.round((o.ticket.expiresAt - o.ticket.createdAt) / 1000)} s</span>
      </p>
      <p>
        <a
          class="btn"
          id="qr-link"
          href={o.link}
          target="_blank"
          rel="noopener"
          data-testid="open-virtual-app"
        >
          {s.qrOpenVirtualApp}
        </a>
      </p>
      <p class="muted">{s.waiting}</p>
      <Footer c={c} lang={o.lang} />
    </div>,
  )
}

export function brokerPage(
  c: Context,
  o: { lang: Lang; app: RegisteredApp; ticket: Ticket; link: string },
): Response {
  const s = t(o.lang)
  return renderPage(
    c,
    { lang: o.lang, title: s.brokerTitle },
    <div class="card" data-testid="broker-page">
      <h1>{s.brokerTitle}</h1>
      <p class="muted">
        {s.requestFrom}: <strong>{o.app.name}</strong>
      </p>
      {o.ticket.signCode ? <p class="code">{o.ticket.signCode}</p> : null}
      <p>{s.brokerInstruction}</p>
      <a class="btn block" href={o.link} data-testid="open-iamsmart">
        {s.openApp}
      </a>
      <Footer c={c} lang={o.lang} />
    </div>,
  )
}

export function errorPage(c: Context, lang: string, code: DCode, detail: string, hint: string): Response {
  const l = langOf(lang)
  const s = t(l)
  return renderPage(
    c,
    { lang: l, title: `${code} ${s.errorTitle}`, status: 400 },
    <div class="card error" data-testid="error-page">
      <h1>{s.errorTitle}</h1>
      <p>
        <strong data-testid="error-code">{code}</strong> {dcodeText(code, l).message}
      </p>
      <p>{detail}</p>
      <h2>{s.errorHint}</h2>
      <p>{hint}</p>
    </div>,
  )
}
