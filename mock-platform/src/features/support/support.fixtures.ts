/** Test fixtures for the support desk: staff sign-in, a provider with a failed request, certificates. */
import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'
import type { Harness } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { type Browser, PASSWORD, signIn, signUp } from '../../../test/session.fixtures'

/** Creates a staff account with the admin token and signs it in. */
export async function staff(h: Harness, email: string, role: 'agent' | 'lead'): Promise<Browser> {
  const res = await h.admin('/sandbox/v1/staff', 'POST', { email, password: PASSWORD, role })
  if (res.status !== 201) throw new Error(`staff creation answered ${res.status}: ${await res.text()}`)
  return signIn(h, email)
}

export interface Provider {
  dev: Browser
  clientID: string
  clientSecret: string
  /** txID of a getKey refused with D20006 (signed with a wrong secret). */
  failedTxID: string
}

/** A developer with an organisation, an app, and one failed platform call in that app's inspector. */
export async function provider(h: Harness, email: string, orgName: string): Promise<Provider> {
  const dev = await signUp(h, email, { orgName })
  const app = await dev.json('/sandbox/v1/apps', 'POST', { name: `${orgName} e-Service` })
  const wrong = new ReferenceClient({
    baseUrl: '/api/v1',
    clientID: app.clientID,
    clientSecret: 'not-the-secret-0123456789abcdef',
    privateKey: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey,
    fetch: (url, init) => h.request(url, init),
    now: () => h.clock.now(),
  })
  const env = await wrong.getKey()
  if (env.code !== 'D20006') throw new Error(`expected D20006, got ${env.code}`)
  await h.platform.services.inspector.settle()
  return { dev, clientID: app.clientID, clientSecret: app.clientSecret, failedTxID: env.txID }
}

const rsaKeys = new Map<number, ReturnType<typeof generateKeyPairSync>>()

export interface CertOptions {
  cn: string
  bits?: number
  from: number
  to: number
  altNames?: string[]
  /** IP addresses in subjectAltName (a TLS server on 127.0.0.1). */
  ips?: string[]
}

/** A self-signed certificate and its private key (PEM); one RSA key per size and test file. */
export function rsaCertificateAndKey(o: CertOptions): { cert: string; key: string } {
  const bits = o.bits ?? 2048
  if (!rsaKeys.has(bits)) rsaKeys.set(bits, generateKeyPairSync('rsa', { modulusLength: bits }))
  const { privateKey, publicKey } = rsaKeys.get(bits)!
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date(o.from)
  cert.validity.notAfter = new Date(o.to)
  const attrs = [{ name: 'commonName', value: o.cn }]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  const altNames = [
    ...(o.altNames ?? [o.cn]).map((value) => ({ type: 2, value })),
    ...(o.ips ?? []).map((ip) => ({ type: 7, ip })),
  ]
  cert.setExtensions([{ name: 'subjectAltName', altNames }])
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  cert.sign(forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: pem }
}

/** A self-signed certificate (PEM) with an RSA key of `bits`, for `cn`, valid in [from, to]. */
export const rsaCertificate = (o: CertOptions): string => rsaCertificateAndKey(o).cert

/** A P-256 (not RSA) self-signed certificate, made with openssl once. */
export const EC_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBhDCCASugAwIBAgIUA1qtkTz6cXOHETGUIB5OiUtJmmEwCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNZWMuZXhhbXBsZS5oazAeFw0yNjExMjIxMDI5MDJaFw0zNjEx
MTkxMDI5MDJaMBgxFjAUBgNVBAMMDWVjLmV4YW1wbGUuaGswWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAAQiHFt5PJs6iU7I5hHFzQ5aVulxZfcI/ifYfH8OphxYXKs6
MA44yugcM1qwYbwSRlJhtmwuLigWksWQfhANeqEko1MwUTAdBgNVHQ4EFgQU0rwr
kLWgWjqqi3IjYvPkVossRLcwHwYDVR0jBBgwFoAU0rwrkLWgWjqqi3IjYvPkVoss
RLcwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiB+TZhFgcsIPmGS
WRdbfXc4OqRUrahzyf8RfKA4vcJHsgIgQ6nY/vLNWqRM2d69Lur2YBScTFXIug/V
GZz17lwdVmk=
-----END CERTIFICATE-----
`

const YEAR = 365 * 86_400_000

/** A complete programme application body. */
export const programmeBody = (sector = 'financial') => ({
  type: 'programme',
  organisationName: 'Alpha Bank (HK) Ltd',
  sector,
  useCase: 'Customers open an account online and log in with iAM Smart instead of a password.',
  contacts: [
    { name: 'Chan Tai Man', email: 'it@alpha.example', phone: '+852 3166 3978', role: 'Project lead' },
  ],
})

/** A complete ITE application body, certificates valid around `now`. */
export function iteBody(now: number, overrides: Record<string, unknown> = {}) {
  return {
    type: 'ite',
    userJourney: 'Login on desktop by QR code, then e-ME form filling for the account opening form.',
    implementationPlan:
      'Integrate in sprint 1–2, test key rotation in sprint 3, go live after the ITE sign-off.',
    enciphermentCertificate: rsaCertificate({
      cn: 'Alpha Bank encipherment',
      from: now - YEAR,
      to: now + YEAR,
    }),
    domain: 'eservice.alpha.example',
    tls: {
      minVersion: 'TLSv1.2',
      certificate: rsaCertificate({ cn: 'eservice.alpha.example', from: now - YEAR, to: now + YEAR }),
    },
    contacts: [{ name: 'Chan Tai Man', email: 'it@alpha.example', role: 'Project lead' }],
    ...overrides,
  }
}
