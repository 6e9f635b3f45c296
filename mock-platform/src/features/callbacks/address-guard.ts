/** SSRF guard for callbacks: in hosted mode, refuse loopback, private, link-local and metadata addresses. */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip)
  if (v === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number]
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    )
  }
  if (v === 6) {
    const x = ip.toLowerCase()
    if (x === '::1' || x === '::') return true
    if (x.startsWith('::ffff:')) return isPrivateAddress(x.slice(7))
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(x)
  }
  return true
}

/** Throws when the URL may not be called in this mode. */
export async function assertCallable(url: string, mode: 'local' | 'hosted'): Promise<void> {
  const u = new URL(url)
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`callbacks need http(s), got ${u.protocol}`)
  if (mode === 'local') return
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address)
  const bad = addresses.find(isPrivateAddress)
  if (bad) throw new Error(`refused: ${host} resolves to a private or loopback address (${bad})`)
}
