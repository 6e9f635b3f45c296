/** Certificates of an ITE application: the encipherment certificate (X.509, RSA ≥ 2048) and the site's TLS certificate. */
import { X509Certificate } from 'node:crypto'
import type { CertificateSummary } from './support.types'

const PEM = /^\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/

/** The certificate parsed, or why not. */
export function parseCertificate(pem: unknown): { cert: X509Certificate } | { problem: string } {
  if (typeof pem !== 'string' || !PEM.test(pem))
    return { problem: 'must be one PEM certificate (-----BEGIN CERTIFICATE-----)' }
  try {
    return { cert: new X509Certificate(pem) }
  } catch {
    return { problem: 'is not a parsable X.509 certificate' }
  }
}

export function summarise(cert: X509Certificate): CertificateSummary {
  const key = cert.publicKey
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    keyType: key.asymmetricKeyType ?? 'unknown',
    keyBits: key.asymmetricKeyDetails?.modulusLength ?? 0,
    fingerprint256: cert.fingerprint256,
  }
}

type Checked = { summary: CertificateSummary } | { problem: string }

/** An encipherment certificate: X.509 with an RSA key of at least 2048 bits, valid now. */
export const checkEncipherment = (pem: unknown, now: number): Checked =>
  check(pem, now, (_, summary) =>
    summary.keyType !== 'rsa'
      ? `has a ${summary.keyType} key; an RSA key is required`
      : summary.keyBits < 2048
        ? `has a ${summary.keyBits}-bit RSA key; at least 2048 bits`
        : undefined,
  )

/** A TLS certificate for `domain`: parses, names the domain, valid now. */
export const checkTls = (pem: unknown, domain: string, now: number): Checked =>
  check(pem, now, (cert) => (cert.checkHost(domain) ? undefined : `does not name ${domain}`))

/** Parses, then the kind's own rule (its problem, or undefined), then the validity period. */
function check(
  pem: unknown,
  now: number,
  rule: (cert: X509Certificate, summary: CertificateSummary) => string | undefined,
): Checked {
  const parsed = parseCertificate(pem)
  if ('problem' in parsed) return parsed
  const summary = summarise(parsed.cert)
  const problem = rule(parsed.cert, summary)
  return problem ? { problem } : validity(parsed.cert, summary, now)
}

function validity(cert: X509Certificate, summary: CertificateSummary, now: number) {
  if (Date.parse(cert.validFrom) > now) return { problem: `is not valid before ${summary.validFrom}` }
  if (Date.parse(cert.validTo) < now) return { problem: `expired on ${summary.validTo}` }
  return { summary }
}

/** A public DNS name: labels of letters, digits and hyphens, at least one dot, no IP address. */
export function domainProblem(domain: unknown): string | undefined {
  if (typeof domain !== 'string') return 'must be a domain name such as eservice.example.hk'
  const d = domain.trim().toLowerCase()
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
  if (d.length > 253 || !d.includes('.') || !d.split('.').every((l) => label.test(l)) || /^[\d.]+$/.test(d))
    return 'must be a domain name such as eservice.example.hk'
  return undefined
}
