/** The caller's address as the socket saw it (rate limits per IP, audit lines); `local` for in-process requests. */
import type { Context } from 'hono'

export function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'local'
}
