/**
 * The hosted soak's client-side load balancer: requests go to the instances in turn, each over its own keep-alive
 * agent. Retried on the next instance, as a load balancer (and scripts/round-robin.mjs) would: a refused connection
 * (the instance is stopped or restarting: the request never left), and a reset of a kept-alive socket that the instance
 * had closed as idle (the request never reached it) — except on an instance the bench killed, where a reset may have
 * cut a call that was answered (getToken spends its code, a signed call its nonce). Any other transport error is not
 * retried: it is thrown as a `LostInFlight`, saying what the instance was doing then, and counted. An instance being
 * stopped on purpose (`draining`) gets no new requests while another can take them: a rolling restart takes an
 * instance out of the balancer before it is stopped (Instance.stop waits for that), as real deployments do.
 */
import { HttpClient, type HttpResponse } from './http'

/** What the bench knows an instance is doing: it starts, stops and kills them. */
export type InstanceState = 'up' | 'draining' | 'killed' | 'down'

export interface Upstream {
  name: string
  port: number
  state: InstanceState
}

/** A request that may have reached an instance and got no answer. */
export class LostInFlight extends Error {
  constructor(
    readonly instance: string,
    readonly state: InstanceState,
    readonly code: string,
    /** The request's nonce header, or getQR's state: whether the instance processed it is found in its log later. */
    readonly key: string | undefined,
  ) {
    super(`${code} from ${instance} (${state})`)
  }
}

export interface BalancerCounts {
  /** Requests answered, per instance. */
  answered: Record<string, number>
  /** Connections refused, per instance (each retried on the next instance). */
  refused: Record<string, number>
  /** Resets of a reused keep-alive socket with no answer, per instance (retried: the instance had closed it idle). */
  resetIdle: Record<string, number>
  /** Requests that got no answer, by the instance's state then and the error, e.g. `killed ECONNRESET`. */
  lost: Record<string, number>
}

export class BalancedHttp {
  private next = 0
  private readonly clients: HttpClient[]
  readonly counts: BalancerCounts = { answered: {}, refused: {}, resetIdle: {}, lost: {} }

  constructor(
    readonly upstreams: Upstream[],
    maxSockets: number,
    /** Told of every answer and the instance that gave it (the soak finds which instance answered a call). */
    private readonly onAnswer?: (u: Upstream, path: string, headers: Record<string, string>) => void,
    /** How long a request keeps trying while every instance refuses before it fails. */
    private readonly giveUpMs = 30_000,
  ) {
    this.clients = upstreams.map((u) => new HttpClient(u.port, maxSockets))
    for (const u of upstreams) {
      this.counts.answered[u.name] = 0
      this.counts.refused[u.name] = 0
      this.counts.resetIdle[u.name] = 0
    }
  }

  async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpResponse> {
    const since = performance.now()
    for (let attempt = 0; ; attempt++) {
      const i = this.pick()
      const u = this.upstreams[i]!
      try {
        const res = await this.once(i, method, path, headers, body)
        this.counts.answered[u.name]!++
        this.onAnswer?.(u, path, headers)
        return res
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message
        const idle = code === 'ECONNRESET' && (e as { reusedSocket?: boolean }).reusedSocket === true
        if (code === 'ECONNREFUSED' || (idle && u.state !== 'killed')) {
          this.counts[code === 'ECONNREFUSED' ? 'refused' : 'resetIdle'][u.name]!++
          if (performance.now() - since > this.giveUpMs) throw e
          // Every instance refused once: wait a little before going round again.
          if ((attempt + 1) % this.upstreams.length === 0) await new Promise((r) => setTimeout(r, 20))
          continue
        }
        const key = `${u.state} ${code}`
        this.counts.lost[key] = (this.counts.lost[key] ?? 0) + 1
        throw new LostInFlight(u.name, u.state, code, headers.nonce ?? /[?&]state=([^&]+)/.exec(path)?.[1])
      }
    }
  }

  /** The next instance in turn, passing over one that is being stopped (unless none other is left). */
  private pick(): number {
    for (let k = 0; k < this.upstreams.length; k++) {
      const i = this.next++ % this.upstreams.length
      if (this.upstreams[i]!.state !== 'draining') return i
    }
    return this.next++ % this.upstreams.length
  }

  private once(
    i: number,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<HttpResponse> {
    return this.clients[i]!.send(method, path, headers, body)
  }

  close(): void {
    for (const c of this.clients) c.close()
  }
}
