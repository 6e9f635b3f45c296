// The callback address guard: every refused address form, in each mode, and names checked on every resolved address.
import { describe, expect, it } from 'vitest'
import { addressProblem, checkTarget, type GuardMode, RefusedTarget, type Resolver } from './address-guard'

const OWN = '203.0.113.7'
const own = () => new Set([OWN, '2001:db8::7'])

/** Refused in local and hosted mode. */
const ALWAYS: Array<[string, string]> = [
  ['http://169.254.169.254/latest/meta-data/', 'metadata'],
  ['http://169.254.1.1/cb', 'IPv4 link-local'],
  ['http://2852039166/', 'metadata, decimal form'],
  ['http://0251.0376.0251.0376/', 'metadata, octal form'],
  ['http://169.254.43518/', 'metadata, short form'],
  ['http://[fe80::1]/cb', 'IPv6 link-local'],
  ['http://[febf:ffff::1]/cb', 'IPv6 link-local, top of fe80::/10'],
  ['http://0.0.0.0:8080/cb', 'unspecified'],
  ['http://0/cb', 'unspecified, short form'],
  ['http://0.1.2.3/cb', '"this network"'],
  ['http://[::]/cb', 'IPv6 unspecified'],
  ['http://224.0.0.1/cb', 'multicast'],
  ['http://239.255.255.250:1900/', 'multicast (SSDP)'],
  ['http://[ff02::1]/cb', 'IPv6 multicast'],
  ['http://[ff0e::1]/cb', 'IPv6 multicast, global scope'],
  ['http://255.255.255.255/cb', 'broadcast'],
  ['http://240.0.0.1/cb', 'reserved'],
  ['http://[::ffff:169.254.169.254]/', 'IPv4-mapped metadata'],
  ['http://[::ffff:a9fe:a9fe]/', 'IPv4-mapped metadata, hex form'],
  ['http://[::ffff:0:a9fe:a9fe]/', 'IPv4-translated metadata'],
  ['http://[::169.254.169.254]/', 'IPv4-compatible metadata'],
  ['http://[64:ff9b::169.254.169.254]/', 'NAT64 metadata'],
  ['http://[64:ff9b::a9fe:a9fe]/', 'NAT64 metadata, hex form'],
  ['http://[2002:a9fe:a9fe::1]/', '6to4 metadata'],
  ['http://[::ffff:0.0.0.0]/', 'IPv4-mapped unspecified'],
  ['http://[::ffff:224.0.0.1]/', 'IPv4-mapped multicast'],
  ['ftp://example.com/cb', 'not http(s)'],
  ['http://user:pw@example.com/cb', 'user info'],
]

/** Refused in hosted mode only. */
const HOSTED: Array<[string, string]> = [
  ['http://127.0.0.1:9/cb', 'loopback'],
  ['http://127.255.255.254/cb', 'loopback, top of 127/8'],
  ['http://2130706433/cb', 'loopback, decimal form'],
  ['http://0177.0.0.1/cb', 'loopback, octal form'],
  ['http://127.1/cb', 'loopback, short form'],
  ['http://0x7f.1/cb', 'loopback, hex form'],
  ['http://0x7f000001/cb', 'loopback, one hex number'],
  ['http://017700000001/cb', 'loopback, one octal number'],
  ['http://[::1]:8080/cb', 'IPv6 loopback'],
  ['http://[0:0:0:0:0:0:0:1]/cb', 'IPv6 loopback, long form'],
  ['http://10.0.0.1/cb', 'private 10/8'],
  ['http://10.255.255.255/cb', 'private 10/8, top'],
  ['http://172.16.0.1/cb', 'private 172.16/12'],
  ['http://172.31.255.254/cb', 'private 172.16/12, top'],
  ['http://192.168.1.1/cb', 'private 192.168/16'],
  ['http://3232235777/cb', 'private 192.168.1.1, decimal form'],
  ['http://[fc00::1]/cb', 'IPv6 unique local fc00::/7'],
  ['http://[fd12:3456:789a::1]/cb', 'IPv6 unique local fd'],
  ['http://[fec0::1]/cb', 'IPv6 site-local (deprecated)'],
  ['http://100.64.0.1/cb', 'CGNAT 100.64/10'],
  ['http://100.127.255.254/cb', 'CGNAT, top'],
  ['http://198.18.0.1/cb', 'benchmarking 198.18/15'],
  ['http://198.19.255.254/cb', 'benchmarking, top'],
  ['http://192.0.0.8/cb', 'IETF protocol assignments 192.0.0.0/24'],
  ['http://[::ffff:127.0.0.1]/cb', 'IPv4-mapped loopback'],
  ['http://[::ffff:7f00:1]/cb', 'IPv4-mapped loopback, hex form'],
  ['http://[0:0:0:0:0:ffff:7f00:1]/cb', 'IPv4-mapped loopback, long form'],
  ['http://[::ffff:10.1.2.3]/cb', 'IPv4-mapped private'],
  ['http://[::ffff:c0a8:101]/cb', 'IPv4-mapped private, hex form'],
  ['http://[::127.0.0.1]/cb', 'IPv4-compatible loopback'],
  ['http://[::7f00:1]/cb', 'IPv4-compatible loopback, hex form'],
  ['http://[::5db8:d822]/cb', 'IPv4-compatible of a public address (deprecated form)'],
  ['http://[64:ff9b::127.0.0.1]/cb', 'NAT64 loopback'],
  ['http://[64:ff9b::a00:1]/cb', 'NAT64 private, hex form'],
  ['http://[64:ff9b:1::1]/cb', 'local-use NAT64'],
  ['http://[2002:7f00:1::1]/cb', '6to4 of loopback'],
  ['http://[2002:c0a8:101::1]/cb', '6to4 of private'],
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/cb', 'Teredo with a loopback client'],
  [`http://${OWN}/cb`, "the host's own IPv4 address"],
  ['http://[2001:db8::7]/cb', "the host's own IPv6 address"],
]

/** Allowed in both modes. */
const PUBLIC: Array<[string, string]> = [
  ['https://93.184.216.34/cb', 'public IPv4'],
  ['http://172.32.0.1/cb', 'just above 172.16/12'],
  ['http://100.128.0.1/cb', 'just above CGNAT'],
  ['http://198.20.0.1/cb', 'just above 198.18/15'],
  ['http://192.0.1.1/cb', 'just above 192.0.0.0/24'],
  ['http://169.255.0.1/cb', 'just above link-local'],
  ['http://223.255.255.254/cb', 'just below multicast'],
  ['https://[2606:2800:220:1:248:1893:25c8:1946]/cb', 'public IPv6'],
  ['http://[::ffff:93.184.216.34]/cb', 'IPv4-mapped public'],
  ['http://[64:ff9b::5db8:d822]/cb', 'NAT64 public'],
  ['http://[2002:5db8:d822::1]/cb', '6to4 public'],
]

const noDns: Resolver = () => Promise.reject(new Error('no DNS in this test'))

async function outcome(url: string, mode: GuardMode): Promise<'refused' | 'allowed'> {
  try {
    await checkTarget(url, { mode, resolve: noDns, own })
    return 'allowed'
  } catch (e) {
    if (e instanceof RefusedTarget) return 'refused'
    throw e
  }
}

describe('callback address guard', () => {
  describe.each(['local', 'hosted'] as const)('in %s mode', (mode) => {
    it.each(ALWAYS)('refuses %s (%s)', async (url) => {
      expect(await outcome(url, mode)).toBe('refused')
    })
    it.each(HOSTED)(`${mode === 'hosted' ? 'refuses' : 'allows'} %s (%s)`, async (url) => {
      expect(await outcome(url, mode)).toBe(mode === 'hosted' ? 'refused' : 'allowed')
    })
    it.each(PUBLIC)('allows %s (%s)', async (url) => {
      expect(await outcome(url, mode)).toBe('allowed')
    })
  })

  it('names the reason for an IP literal, and refuses what is not an address', () => {
    expect(addressProblem('169.254.169.254', 'local')).toBe('link-local or cloud metadata')
    expect(addressProblem('::ffff:7f00:1', 'hosted', () => new Set())).toMatch(
      /IPv4-mapped form of a loopback/,
    )
    expect(addressProblem('fe80::1%eth0', 'local')).toBe('link-local')
    expect(addressProblem('example.com', 'local')).toBe('not an IP address')
  })

  it("refuses the host's real own addresses in hosted mode (os.networkInterfaces)", async () => {
    const { networkInterfaces } = await import('node:os')
    const mine = Object.values(networkInterfaces())
      .flat()
      .map((a) => a?.address)
      .filter((a): a is string => !!a && !a.includes('%'))
    for (const a of mine) expect(addressProblem(a, 'hosted'), a).toBeDefined()
  })
})

describe('callback host names', () => {
  const resolver = (answers: Record<string, string[]>) => {
    const calls: string[] = []
    const resolve: Resolver = async (host) => {
      calls.push(host)
      const list = answers[host]
      if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
      return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    }
    return { resolve, calls }
  }

  it('a name resolving to a private address is refused in hosted mode, without showing the address', async () => {
    const { resolve, calls } = resolver({ 'cb.provider.example': ['10.1.2.3'] })
    const err = await checkTarget('https://cb.provider.example/cb', { mode: 'hosted', resolve, own }).catch(
      (e: Error) => e,
    )
    expect(err).toBeInstanceOf(RefusedTarget)
    expect((err as Error).message).toMatch(
      /^refused: cb\.provider\.example resolves to an address that is not allowed/,
    )
    expect((err as Error).message).not.toContain('10.1.2.3')
    expect(calls).toEqual(['cb.provider.example'])
    // Local mode calls private addresses.
    const local = await checkTarget('https://cb.provider.example/cb', { mode: 'local', resolve, own })
    expect(local).toMatchObject({ host: 'cb.provider.example', address: '10.1.2.3', family: 4 })
  })

  it('every resolved address is checked, not only the first', async () => {
    const { resolve } = resolver({ 'mixed.example': ['93.184.216.34', '::ffff:127.0.0.1'] })
    await expect(
      checkTarget('http://mixed.example/', { mode: 'hosted', resolve, own }),
    ).rejects.toBeInstanceOf(RefusedTarget)
    const meta = resolver({ 'meta.example': ['93.184.216.34', '169.254.169.254'] })
    await expect(
      checkTarget('http://meta.example/', { mode: 'local', resolve: meta.resolve, own }),
    ).rejects.toThrow(/^refused: meta\.example resolves to a link-local or cloud metadata address/)
  })

  it('a public name gives the checked address to connect to', async () => {
    const { resolve, calls } = resolver({ 'osp.example': ['2606:2800:220:1::1', '93.184.216.34'] })
    const t = await checkTarget('https://osp.example:8443/cb?x=1', { mode: 'hosted', resolve, own })
    expect(t).toMatchObject({ host: 'osp.example', address: '2606:2800:220:1::1', family: 6 })
    expect(t!.url.port).toBe('8443')
    expect(calls).toHaveLength(1)
  })

  it('an injected fetch: names are not resolved in local mode, IP literals are still checked', async () => {
    const { resolve, calls } = resolver({})
    expect(
      await checkTarget('https://osp.example/cb', { mode: 'local', resolve, resolveNames: false }),
    ).toBeUndefined()
    expect(calls).toEqual([])
    await expect(
      checkTarget('http://169.254.169.254/', { mode: 'local', resolve, resolveNames: false }),
    ).rejects.toBeInstanceOf(RefusedTarget)
  })
})

describe('redirect URI registration', () => {
  it('refuses an IP literal the sandbox never calls, in any mode; hosted-only ranges wait for delivery', async () => {
    const { redirectUriProblem } = await import('../features/apps/app.validate')
    for (const uri of [
      'http://169.254.169.254/latest',
      'https://[fe80::1]/cb',
      'http://0.0.0.0/cb',
      'http://[::]/cb',
      'http://224.0.0.1/cb',
      'http://255.255.255.255/cb',
      'http://2852039166/cb',
      'http://[::ffff:a9fe:a9fe]/cb',
      'http://[64:ff9b::a9fe:a9fe]/cb',
    ])
      expect(redirectUriProblem(uri), uri).toMatch(/address, which the sandbox never calls$/)
    // Browser returns to a developer's own machine stay registrable.
    for (const uri of [
      'http://127.0.0.1:3000/return',
      'http://[::1]:3000/cb',
      'http://localhost/cb',
      'myosp://cb',
    ])
      expect(redirectUriProblem(uri), uri).toBeUndefined()
  })
})
