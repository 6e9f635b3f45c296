/**
 * SSRF guard for callbacks (security checklist #36). Every mode refuses link-local and metadata, unspecified,
 * multicast, broadcast and reserved addresses; hosted mode also loopback, private, CGNAT, benchmarking, IETF
 * protocol assignments, the host's own addresses and every IPv6 form that embeds a refused IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo). A name is resolved once, every address it resolves to is
 * checked, and the connection goes to the checked address (see pinned-request.ts): no second DNS lookup.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'

export type GuardMode = 'local' | 'hosted'

/** Every address a host name resolves to (tests inject one). */
export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true })

/** The address a callback may be sent to: checked, and the one the connection must use. */
export interface CheckedTarget {
  url: URL
  /** The URL's host name without brackets (TLS SNI and the Host header keep it). */
  host: string
  address: string
  family: 4 | 6
}

/** The URL or its address may not be called: a "not allowed" answer (never retried). */
export class RefusedTarget extends Error {
  constructor(detail: string) {
    super(`refused: ${detail}`)
    this.name = 'RefusedTarget'
  }
}

/** The host name could not be resolved: reported like any other failure to connect. */
export class UnresolvedTarget extends Error {
  constructor(
    readonly host: string,
    readonly code?: string,
  ) {
    super(`could not resolve ${host}${code ? ` (${code})` : ''}`)
    this.name = 'UnresolvedTarget'
  }
}

// ---- IPv4 ----

/** A dotted-quad IPv4 address as a 32-bit number (canonical form only: what URL parsing and getaddrinfo give). */
export function ipv4ToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (!m) return undefined
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0
}

const intToIpv4 = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')

interface Range {
  base: number
  bits: number
  what: string
}
const v4 = (cidr: string, what: string): Range => {
  const [ip, bits] = cidr.split('/')
  return { base: ipv4ToInt(ip!)!, bits: Number(bits), what }
}
const inRange = (n: number, r: Range): boolean =>
  r.bits === 0 || n >>> (32 - r.bits) === r.base >>> (32 - r.bits)

/** Refused in every mode: nothing legitimate listens there for a callback. */
const V4_ALWAYS: Range[] = [
  v4('0.0.0.0/8', 'unspecified ("this network")'),
  v4('169.254.0.0/16', 'link-local or cloud metadata'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved or broadcast'),
]
/** Refused in hosted mode: the sandbox's own machine and networks. */
const V4_HOSTED: Range[] = [
  v4('127.0.0.0/8', 'loopback'),
  v4('10.0.0.0/8', 'private'),
  v4('172.16.0.0/12', 'private'),
  v4('192.168.0.0/16', 'private'),
  v4('100.64.0.0/10', 'shared (carrier-grade NAT)'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('192.0.0.0/24', 'IETF protocol assignments'),
]

function ipv4Problem(n: number, mode: GuardMode): string | undefined {
  const hit =
    V4_ALWAYS.find((r) => inRange(n, r)) ??
    (mode === 'hosted' ? V4_HOSTED.find((r) => inRange(n, r)) : undefined)
  return hit?.what
}

// ---- IPv6 ----

/** An IPv6 address (with or without brackets, zone id or embedded dotted IPv4) as eight 16-bit groups. */
export function parseIpv6(input: string): number[] | undefined {
  let s = input
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase()
  if (isIP(s) !== 6) return undefined
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (dotted) {
    const n = ipv4ToInt(dotted[1]!)
    if (n === undefined) return undefined
    s = `${s.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const [head, tail] = s.split('::') as [string, string | undefined]
  const part = (x: string | undefined) => (x ? x.split(':').map((g) => parseInt(g, 16)) : [])
  const a = part(head)
  const b = part(tail)
  if (tail === undefined) return a.length === 8 ? a : undefined
  const fill = 8 - a.length - b.length
  if (fill < 1) return undefined
  return [...a, ...Array<number>(fill).fill(0), ...b]
}

const v4From = (hi: number, lo: number): number => ((hi << 16) | lo) >>> 0

function ipv6Problem(g: number[], mode: GuardMode): string | undefined {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  const embedded = (n: number, form: string) => {
    const why = ipv4Problem(n, mode)
    return why ? `${form} of a ${why} IPv4 address (${intToIpv4(n)})` : undefined
  }
  if (zeros(0, 8)) return 'unspecified'
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local'
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast'
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated)
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(v4From(g[6]!, g[7]!), 'IPv4-mapped form')
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0)
    return embedded(v4From(g[6]!, g[7]!), 'IPv4-translated form')
  // 64:ff9b::/96 (NAT64)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(v4From(g[6]!, g[7]!), 'NAT64 form')
  // 2002::/16 (6to4): the IPv4 address in groups 1–2
  if (g[0] === 0x2002) return embedded(v4From(g[1]!, g[2]!), '6to4 form')
  // 2001:0::/32 (Teredo): the server in groups 2–3, the client (bits inverted) in groups 6–7
  if (g[0] === 0x2001 && g[1] === 0)
    return (
      embedded(v4From(g[2]!, g[3]!), 'Teredo form') ??
      embedded(v4From(g[6]! ^ 0xffff, g[7]! ^ 0xffff), 'Teredo form')
    )
  if (mode === 'local') {
    // ::a.b.c.d (IPv4-compatible, deprecated): the embedded address's every-mode rules still apply.
    if (zeros(0, 6) && !(zeros(6, 7) && g[7] === 1))
      return embedded(v4From(g[6]!, g[7]!), 'IPv4-compatible form')
    return undefined
  }
  if (zeros(0, 7) && g[7] === 1) return 'loopback'
  if (zeros(0, 6)) return 'IPv4-compatible (deprecated)'
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private (unique local)'
  if ((g[0]! & 0xffc0) === 0xfec0) return 'site-local (deprecated)'
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local-use NAT64'
  return undefined
}

/** The canonical text of an address (for comparing with the host's own), or undefined when it is not one. */
export function canonicalIp(ip: string): string | undefined {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (isIP(bare) === 4) return ipv4ToInt(bare) === undefined ? undefined : bare
  const g = parseIpv6(bare)
  if (!g) return undefined
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return intToIpv4(v4From(g[6]!, g[7]!))
  return g.map((x) => x.toString(16)).join(':')
}

/** The host's own addresses (every interface), canonical. */
export function ownAddresses(): Set<string> {
  const out = new Set<string>()
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) {
      const c = canonicalIp(a.address)
      if (c) out.add(c)
    }
  return out
}

/**
 * Why this IP address may not be called in this mode (a short phrase such as "loopback"), or undefined when it
 * may. Anything that is not an IP address is refused.
 */
export function addressProblem(
  ip: string,
  mode: GuardMode,
  own: () => Set<string> = ownAddresses,
): string | undefined {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  let why: string | undefined
  if (isIP(bare) === 4) {
    const n = ipv4ToInt(bare)
    why = n === undefined ? 'not an IP address' : ipv4Problem(n, mode)
  } else {
    const g = parseIpv6(bare)
    why = g ? ipv6Problem(g, mode) : 'not an IP address'
  }
  if (why || mode === 'local') return why
  const c = canonicalIp(bare)
  if (!c) return undefined
  for (const a of own()) if (a === c || canonicalIp(a) === c) return "the sandbox host's own address"
  return undefined
}

/** Kept for callers of the earlier guard: true when hosted mode refuses the address. */
export const isPrivateAddress = (ip: string): boolean =>
  addressProblem(ip, 'hosted', () => new Set()) !== undefined

export interface GuardOptions {
  mode: GuardMode
  /** Resolves host names (default: the system resolver, as connecting would). */
  resolve?: Resolver
  /** The host's own addresses (default: os.networkInterfaces()). */
  own?: () => Set<string>
  /**
   * false: a host name is not resolved (an injected fetch connects by itself); only an IP-literal host is checked.
   * Default true.
   */
  resolveNames?: boolean
}

/**
 * Checks a callback URL and picks the address to connect to. Throws RefusedTarget when the URL or any address its
 * host resolves to is not allowed in this mode, UnresolvedTarget when the name does not resolve. The host is read
 * after WHATWG URL parsing, which turns odd IPv4 forms (`2130706433`, `0177.0.0.1`, `127.1`, `0x7f.1`) into the
 * dotted quad and IPv6 into its compressed form (`[::ffff:7f00:1]`).
 */
export async function checkTarget(raw: string, o: GuardOptions): Promise<CheckedTarget | undefined> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new RefusedTarget('not an absolute URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RefusedTarget(`callbacks need http(s), got ${url.protocol}`)
  if (url.username || url.password) throw new RefusedTarget('the URL carries user info')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const own = o.own ?? ownAddresses
  const literal = isIP(host)
  if (literal) {
    const why = addressProblem(host, o.mode, own)
    if (why) throw new RefusedTarget(`${host} is a ${why} address`)
    return { url, host, address: host, family: literal as 4 | 6 }
  }
  if (o.resolveNames === false) return undefined
  let found: Array<{ address: string; family: number }>
  try {
    found = await (o.resolve ?? systemResolver)(host)
  } catch (e) {
    throw new UnresolvedTarget(host, (e as NodeJS.ErrnoException).code)
  }
  if (found.length === 0) throw new UnresolvedTarget(host)
  for (const a of found) {
    const why = addressProblem(a.address, o.mode, own)
    if (why)
      // Hosted: the resolved address is not shown (it would map the sandbox's internal DNS for the caller).
      throw new RefusedTarget(
        o.mode === 'hosted'
          ? `${host} resolves to an address that is not allowed (loopback, private, link-local or the sandbox's own)`
          : `${host} resolves to a ${why} address (${a.address})`,
      )
  }
  const first = found[0]!
  return { url, host, address: first.address, family: isIP(first.address) === 6 ? 6 : 4 }
}

/** Throws when the URL may not be called in this mode (resolving its name once). */
export async function assertCallable(url: string, mode: GuardMode, resolve?: Resolver): Promise<void> {
  await checkTarget(url, { mode, resolve })
}
