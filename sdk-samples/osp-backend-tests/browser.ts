/** A resident's browser for tests: cookies per origin, Origin on form posts, redirects followed one hop at a time. */

export const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
export const DESKTOP =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36'

export interface Visit {
  url: string
  status: number
  html: string
  response: Response
}

export class Browser {
  readonly #jar = new Map<string, Map<string, string>>()
  constructor(private readonly userAgent = DESKTOP) {}

  /** One request, no redirect followed; cookies sent and stored. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const origin = new URL(url).origin
    const headers: Record<string, string> = { 'User-Agent': this.userAgent, 'Accept-Language': 'en-US' }
    const cookies = [...(this.#jar.get(origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`)
    if (cookies.length > 0) headers.Cookie = cookies.join('; ')
    let body: string | undefined
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      headers.Origin = origin
      body = new URLSearchParams(init.form).toString()
    }
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const jar = this.#jar.get(origin) ?? new Map<string, string>()
      jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim())
      this.#jar.set(origin, jar)
    }
    return res
  }

  /** Requests `url`, then follows redirects (as GET) until a page or `stopAt` (a URL prefix) is reached. */
  async visit(url: string, init: { form?: Record<string, string>; stopAt?: string } = {}): Promise<Visit> {
    let res = await this.request(url, init)
    let current = url
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
      current = new URL(res.headers.get('location')!, current).toString()
      if (init.stopAt && current.startsWith(init.stopAt)) break
      res = await this.request(current)
    }
    const html = res.headers.get('content-type')?.includes('text/html') ? await res.text() : ''
    return { url: current, status: res.status, html, response: res }
  }
}

/** The text of the element with this data-testid (first match), tags stripped. */
export function testId(html: string, id: string): string | undefined {
  const m = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)
  return m?.[2]?.replace(/<[^>]+>/g, '').trim()
}
