/**
 * The caller's address (rate limits per IP, audit lines): the socket's peer, or — when that peer is one of
 * TRUSTED_PROXIES — the nearest address in X-Forwarded-For that is not a trusted proxy. A header from anyone else is
 * ignored (it is the caller's to forge). `local` for in-process requests.
 */
import { isIP } from 'node:net'
import type { Context, MiddlewareHandler } from 'hono'

const KEY = 'clientIp'

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) compares as `127.0.0.1`. */
const plain = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip)

function socketPeer(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  const peer = env?.incoming?.socket?.remoteAddress
  return peer ? plain(peer) : 'local'
}

/** The address behind the trusted proxies, right to left; the peer itself when it is not trusted. */
export function resolveClientIp(
  peer: string,
  forwardedFor: string | undefined,
  trusted: ReadonlySet<string>,
): string {
  if (!trusted.has(peer) || !forwardedFor) return peer
  const hops = forwardedFor.split(',').map((h) => plain(h.trim()))
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    if (trusted.has(hop)) continue
    return isIP(hop) ? hop : peer
  }
  return peer
}

/** Resolves the caller's address once per request (config.trustedProxies). */
export function trustProxies(proxies: readonly string[]): MiddlewareHandler {
  const trusted = new Set(proxies.map(plain))
  return async (c, next) => {
    if (trusted.size > 0)
      c.set(KEY as never, resolveClientIp(socketPeer(c), c.req.header('x-forwarded-for'), trusted) as never)
    await next()
  }
}

export function clientIp(c: Context): string {
  return (c.get(KEY as never) as string | undefined) ?? socketPeer(c)
}
