/** What an approved signing ticket releases: the signature and certificate (hash) or the CMS container (PDF). */
import { bytesToBase64 } from '@iamsmart-sandbox/openapi/codec'
import { PlatformError } from '../../errors'
import type { Resident } from '../../personas/resident.types'
import type { Services } from '../../services'
import type { Ticket } from '../tickets'
import { signingState } from './signing.state'
import { digestOf, refusal } from './signing.validate'

/** The four signing kinds. */
export type SigningKind = 'signing' | 'pdfsigning' | 'anonymous-signing' | 'anonymous-pdfsigning'

/** What every signing kind tells the task intake: its scope and how an approved ticket produces its result. */
export function signingTask(s: Services, kind: SigningKind) {
  return { kind, scope: 'eidapi_sign', complete: signingCompleter(s, kind) } as const
}

/** How an approved ticket of a signing kind produces its result (registered through the task intake). */
export function signingCompleter(
  s: Services,
  kind: SigningKind,
): (t: Ticket, r: Resident) => Promise<Record<string, unknown>> {
  const sign = kind === 'signing' || kind === 'anonymous-signing' ? hashSignature : pdfSignature
  // Authenticated: eligibility was checked at initiateRequest (the signer is the logged-in resident). A resident
  // edited in between fails the task (D70002): the callback documents only D00000 and D70000–D70003.
  if (kind === 'signing' || kind === 'pdfsigning')
    return async (t, r) => {
      const code = await refusal(r, t.request.HKICHash as string | undefined)
      if (code) throw new PlatformError('D70002', `the resident can no longer sign (${code})`)
      return sign(s, t, r)
    }
  // Anonymous: the resident is known only once they approve in the app. The hand-over itself succeeds (the browser
  // returns with a code); getResult then answers D70004 / D70005, as the contract documents.
  return async (t, r) => {
    const code = await refusal(r, t.request.HKICHash as string | undefined)
    if (code) {
      signingState(t).refusal = code
      return {}
    }
    return sign(s, t, r)
  }
}

async function hashSignature(s: Services, t: Ticket, r: Resident): Promise<Record<string, unknown>> {
  const digest = digestOf(t.request, 'hashCode')
  const timestamp = s.clock.now()
  const { signature, cert } = await s.pki.signDigest(r, digest.bytes)
  return { hashCode: digest.text, timestamp, signature: bytesToBase64(signature), cert: bytesToBase64(cert) }
}

async function pdfSignature(s: Services, t: Ticket, r: Resident): Promise<Record<string, unknown>> {
  const digest = digestOf(t.request, 'docDigest')
  const cms = await s.pki.signPdfDigest(r, digest.bytes, s.clock.now())
  return { docDigest: digest.text, pdfSignature: bytesToBase64(cms) }
}
