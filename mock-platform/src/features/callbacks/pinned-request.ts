/**
 * A POST to the address the guard checked, never to what a second DNS lookup would answer (DNS rebinding). The URL
 * keeps its host name, so the Host header and TLS SNI and certificate check use the name; node:http's `lookup`
 * returns the pinned address. No redirects are followed, no keep-alive pool is shared, and the answer's body is not
 * read (only its status counts).
 */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import type { CheckedTarget } from '../../http/address-guard'

export interface PinnedPost {
  headers: Record<string, string>
  body: string
  timeoutMs: number
}

/** Sends the POST and resolves with the HTTP status; rejects on any failure to connect or to answer in time. */
export type PinnedTransport = (target: CheckedTarget, post: PinnedPost) => Promise<{ status: number }>

export const pinnedPost: PinnedTransport = (target, post) =>
  new Promise((resolve, reject) => {
    const lookup: LookupFunction = (hostname, options, callback) => {
      if (hostname !== target.host && hostname !== `[${target.host}]`) {
        callback(Object.assign(new Error(`unexpected lookup of ${hostname}`), { code: 'ENOTFOUND' }), '', 4)
        return
      }
      if (options.all)
        (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
          { address: target.address, family: target.family },
        ])
      else callback(null, target.address, target.family)
    }
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest
    const body = Buffer.from(post.body)
    const req = send(
      target.url,
      {
        method: 'POST',
        headers: { ...post.headers, 'Content-Length': String(body.length), Connection: 'close' },
        lookup,
        agent: false,
        signal: AbortSignal.timeout(post.timeoutMs),
        ...(target.url.protocol === 'https:' && target.address !== target.host
          ? { servername: target.host }
          : {}),
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0 })
        res.destroy()
      },
    )
    req.on('error', reject)
    req.end(body)
  })
