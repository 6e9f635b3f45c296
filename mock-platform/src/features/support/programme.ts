/** The Sandbox Programme (reference §10): sectors, stages, and the contents of its two applications, validated. */
import { ProblemError } from '../../errors'
import { maskHkidsInText } from '../../personas/hkid'
import { emailProblem } from '../accounts'
import type { ProgrammeStatus } from '../orgs'
import { checkEncipherment, checkTls, domainProblem } from './certificate'
import type { ApplicationType, Contact, IteContent, ProgrammeContent } from './support.types'

/** The sectors the programme is open to, and public organisations. */
export const SECTORS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'financial', name: 'Financial services' },
  { id: 'ict', name: 'Information and communications technology' },
  { id: 'telecom', name: 'Telecommunications' },
  { id: 'healthcare', name: 'Healthcare' },
  { id: 'education', name: 'Education' },
  { id: 'culture', name: 'Culture' },
  { id: 'sports', name: 'Sports' },
  { id: 'tourism', name: 'Tourism' },
  { id: 'dnfbp', name: 'DNFBPs, money service operators and money lenders' },
  { id: 'accounting', name: 'Accounting' },
  { id: 'transport-logistics', name: 'Transport and logistics' },
  { id: 'charity', name: 'Charity' },
  { id: 'property-management', name: 'Property management' },
  { id: 'real-estate', name: 'Real estate' },
  { id: 'public', name: 'Public organisation' },
]

/** Stages: which application moves an organisation from one to the next. */
export const STAGES: ReadonlyArray<{ status: ProgrammeStatus; next?: ApplicationType; description: string }> =
  [
    { status: 'applicant', next: 'programme', description: 'Apply to join the Sandbox Programme.' },
    { status: 'sandbox', next: 'ite', description: 'Joined: simulated APIs; apply for the ITE when ready.' },
    { status: 'ite-ready', description: 'Enrolled for the integrated testing environment (ITE).' },
  ]

/** The stage an approved application of each type reaches, and the stage it requires. */
export const APPLICATION_STAGES: Record<
  ApplicationType,
  { requires: ProgrammeStatus; grants: ProgrammeStatus }
> = {
  programme: { requires: 'applicant', grants: 'sandbox' },
  ite: { requires: 'sandbox', grants: 'ite-ready' },
}

type Body = Record<string, unknown>

function text(body: Body, key: string, max: number, errors: Record<string, string>, min = 1): string {
  const v = body[key]
  if (typeof v !== 'string' || v.trim().length < min || v.length > max) {
    errors[key] = `must be text of ${min}–${max} characters`
    return ''
  }
  return maskHkidsInText(v.trim())
}

function contacts(value: unknown, errors: Record<string, string>): Contact[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 5) {
    errors.contacts = 'must list 1–5 contacts {name, email, phone, role}'
    return []
  }
  return value.map((raw: Body, i) => {
    const c = raw && typeof raw === 'object' ? raw : {}
    const e: Record<string, string> = {}
    const name = text(c, 'name', 120, e)
    const role = text(c, 'role', 80, e)
    if (emailProblem(c.email)) e.email = 'must be an email address'
    if (c.phone !== undefined && (typeof c.phone !== 'string' || !/^\+?[0-9 ()-]{6,20}$/.test(c.phone)))
      e.phone = 'must be a phone number such as +852 3166 3978'
    for (const [k, why] of Object.entries(e)) errors[`contacts[${i}].${k}`] = why
    return {
      name,
      email: String(c.email ?? '').toLowerCase(),
      role,
      ...(typeof c.phone === 'string' ? { phone: c.phone } : {}),
    }
  })
}

function invalid(errors: Record<string, string>): void {
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid application', 'Fix the listed fields and try again.', { errors })
}

export function programmeContent(body: Body): ProgrammeContent {
  const errors: Record<string, string> = {}
  const content = {
    organisationName: text(body, 'organisationName', 120, errors),
    // Checked against SECTORS below: invalid() throws before an unknown sector is returned.
    sector: String(body.sector ?? '') as ProgrammeContent['sector'],
    useCase: text(body, 'useCase', 5_000, errors, 20),
    contacts: contacts(body.contacts, errors),
  }
  if (!SECTORS.some((s) => s.id === body.sector))
    errors.sector = `must be one of ${SECTORS.map((s) => s.id).join(', ')}`
  invalid(errors)
  return content
}

/** `appOfOrg` says whether a clientID is an app of the applicant's organisation. */
export function iteContent(body: Body, now: number, appOfOrg: (clientID: string) => boolean): IteContent {
  const errors: Record<string, string> = {}
  const userJourney = text(body, 'userJourney', 10_000, errors, 20)
  const implementationPlan = text(body, 'implementationPlan', 10_000, errors, 20)
  const domainIssue = domainProblem(body.domain)
  if (domainIssue) errors.domain = domainIssue
  const domain = domainIssue ? '' : String(body.domain).trim().toLowerCase()
  const enc = checkEncipherment(body.enciphermentCertificate, now)
  if ('problem' in enc) errors.enciphermentCertificate = `the encipherment certificate ${enc.problem}`
  const tlsIn = (body.tls && typeof body.tls === 'object' ? body.tls : {}) as Body
  if (tlsIn.minVersion !== 'TLSv1.2' && tlsIn.minVersion !== 'TLSv1.3')
    errors['tls.minVersion'] = 'must be TLSv1.2 or TLSv1.3 (production-grade TLS)'
  const tlsCert =
    tlsIn.certificate === undefined || !domain ? undefined : checkTls(tlsIn.certificate, domain, now)
  if (tlsCert && 'problem' in tlsCert) errors['tls.certificate'] = `the TLS certificate ${tlsCert.problem}`
  const clientID = body.clientID
  if (clientID !== undefined && (typeof clientID !== 'string' || !appOfOrg(clientID)))
    errors.clientID = 'must be an app of your organisation'
  const people = contacts(body.contacts, errors)
  invalid(errors)
  return {
    ...(typeof clientID === 'string' ? { clientID } : {}),
    userJourney,
    implementationPlan,
    enciphermentCertificate: String(body.enciphermentCertificate).trim(),
    enciphermentCertificateSummary: (enc as { summary: IteContent['enciphermentCertificateSummary'] })
      .summary,
    domain,
    tls: {
      minVersion: tlsIn.minVersion as 'TLSv1.2' | 'TLSv1.3',
      ...(tlsCert && 'summary' in tlsCert
        ? { certificate: String(tlsIn.certificate).trim(), certificateSummary: tlsCert.summary }
        : {}),
    },
    contacts: people,
  }
}
