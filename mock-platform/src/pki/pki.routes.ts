/** Certificate status over HTTP: /pki/{root,ca}.{crt,pem}, /pki/ca.crl, /pki/status/:serial, OCSP; admin revocation. */
import { Hono } from 'hono'
import type { Context, MiddlewareHandler } from 'hono'
import { problemBodyLimit } from '../http/body'
import { ProblemError } from '../errors'
import { clientIp } from '../http/client-ip'
import type { Services } from '../services'
import { pem } from './keys'
import { ocspResponse } from './ocsp'
import type { LeafRecord } from './pki.store'

const CACHE = { 'Cache-Control': 'public, max-age=300' }
const NO_STORE = { 'Cache-Control': 'no-store' }

export function pkiRoutes(s: Services): Hono {
  const r = new Hono()
  r.use('*', async (_, next) => {
    await s.pki.ready
    await next()
  })
  /** Per-IP limit shared with the browser pages: a 429 with Retry-After, or undefined to go on. */
  const busy = async (c: Context) => {
    const wait = await s.pageLimiter.hit(`ip:${clientIp(c)}`)
    if (wait <= 0) return undefined
    return c.json({ type: 'about:blank', title: 'Too many requests', status: 429 }, 429, {
      'Content-Type': 'application/problem+json',
      'Retry-After': String(wait),
    })
  }
  // The root and the issuing CA, each as DER (.crt) and PEM (.pem).
  const certs = { root: () => s.pki.rootCert, ca: () => s.pki.caCert }
  for (const [name, der] of Object.entries(certs)) {
    r.get(`/${name}.crt`, (c) =>
      c.body(der() as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pkix-cert', ...CACHE }),
    )
    r.get(`/${name}.pem`, (c) =>
      c.body(pem('CERTIFICATE', der()), 200, { 'Content-Type': 'application/x-pem-file', ...CACHE }),
    )
  }
  r.get('/chain.pem', (c) =>
    c.body(pem('CERTIFICATE', s.pki.caCert) + pem('CERTIFICATE', s.pki.rootCert), 200, {
      'Content-Type': 'application/x-pem-file',
      ...CACHE,
    }),
  )
  r.get('/ca.crl', async (c) => {
    const limited = await busy(c)
    if (limited) return limited
    return c.body((await s.pki.crl()) as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pkix-crl',
      ...NO_STORE,
    })
  })
  r.get('/status/:serial', async (c) => {
    const limited = await busy(c)
    if (limited) return limited
    const serial = c.req.param('serial')
    if (!/^[0-9a-fA-F]{1,40}$/.test(serial))
      throw new ProblemError(400, 'Invalid serial number', 'Give the serial number in hex (up to 20 octets).')
    const st = s.pki.status(serial)
    return c.json(
      {
        serialNumber: serial.toLowerCase(),
        status: st.status,
        ...(st.status === 'revoked' ? { revokedAt: new Date(st.revokedAt).toISOString() } : {}),
      },
      200,
      NO_STORE,
    )
  })
  r.post('/ocsp', problemBodyLimit(8 * 1024), async (c) => {
    const limited = await busy(c)
    if (limited) return limited
    if (!/^application\/ocsp-request\s*$/i.test(c.req.header('content-type') ?? ''))
      throw new ProblemError(415, 'Unsupported media type', 'Send Content-Type: application/ocsp-request')
    const der = await ocspResponse(s.pki, new Uint8Array(await c.req.arrayBuffer()), s.clock.now())
    return c.body(der as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/ocsp-response',
      ...NO_STORE,
    })
  })
  return r
}

/** Sandbox API: a resident's current iAM Smart-Cert (anyone who may see the resident), and revoking it (who may edit it). */
export function pkiAdminRoutes(s: Services): Hono {
  const r = new Hono()
  const ready: MiddlewareHandler = async (_, next) => {
    await s.pki.ready
    await next()
  }
  const resident = async (c: Context, need: 'read' | 'write') =>
    (await s.access.resident(c, c.req.param('id') ?? '', need)).resident

  r.get('/residents/:id/certificate', ready, async (c) => {
    const leaf = s.pki.current((await resident(c, 'read')).id)
    if (!leaf)
      throw new ProblemError(404, 'No certificate', 'A certificate is issued at the first signature.')
    return c.json(view(leaf), 200, NO_STORE)
  })

  r.post('/residents/:id/certificate/revoke', ready, async (c) => {
    const leaf = await s.pki.revoke((await resident(c, 'write')).id)
    if (!leaf) throw new ProblemError(404, 'No certificate', 'The resident holds no unrevoked certificate.')
    return c.json(view(leaf), 200, NO_STORE)
  })
  return r
}

function view(leaf: LeafRecord) {
  return {
    residentId: leaf.residentId,
    serialNumber: leaf.serial,
    status: leaf.revokedAt !== undefined ? 'revoked' : 'good',
    issuedAt: new Date(leaf.issuedAt).toISOString(),
    notAfter: new Date(leaf.notAfter).toISOString(),
    ...(leaf.revokedAt !== undefined ? { revokedAt: new Date(leaf.revokedAt).toISOString() } : {}),
    certificate: pem('CERTIFICATE', leaf.cert),
  }
}
