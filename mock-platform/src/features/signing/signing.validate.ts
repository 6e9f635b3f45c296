/** Signing requests beyond the contract: the digest's bytes (canonical Base64), who may sign (D70004, D70005). */
import { base64ToBytes, hexToBytes, hkicHash } from '@iamsmart-sandbox/openapi/codec'
import type { DCode } from '../../errors'
import { PlatformError } from '../../errors'
import type { Resident } from '../../personas/resident.types'
import { langOfRequest, requiredString, stringOf } from '../tasks'

const HEX_DIGEST = /^[0-9a-fA-F]{64}$/

export interface Digest {
  /** As sent: echoed verbatim in the result. */
  text: string
  /** The 32 digest bytes that are signed. */
  bytes: Uint8Array
}

/**
 * `hashCode` / `docDigest` as bytes. The contract's Digest pattern (64 hex or 44 Base64 characters) was checked by the
 * validate step; not in the contract: a Base64 form must also decode canonically (D20003).
 */
export function digestOf(req: Record<string, unknown>, name: 'hashCode' | 'docDigest'): Digest {
  const text = requiredString(req, name)
  if (HEX_DIGEST.test(text)) return { text, bytes: hexToBytes(text) }
  try {
    return { text, bytes: base64ToBytes(text) }
  } catch {
    throw new PlatformError('D20003', `${name} must be a SHA-256 digest: 64 hex or 44 Base64 characters`)
  }
}

/** What a signing request asks to sign (its fields' formats are the contract's: HKICHash, the texts of 1–200). */
export interface ToSign {
  state: string
  digest: Digest
  HKICHash: string | undefined
  /** What the ticket keeps of it: the digest as sent, HKICHash when given, the texts, the language. */
  fields: Record<string, unknown>
}

export function toSignOf(req: Record<string, unknown>, name: 'hashCode' | 'docDigest'): ToSign {
  const state = requiredString(req, 'state')
  const digest = digestOf(req, name)
  const HKICHash = stringOf(req, 'HKICHash')
  const texts: Record<string, string> = {}
  for (const text of ['department', 'serviceName', 'documentName']) {
    const v = stringOf(req, text)
    if (v !== undefined) texts[text] = v
  }
  const fields = {
    [name]: digest.text,
    ...(HKICHash ? { HKICHash } : {}),
    ...texts,
    lang: langOfRequest(req),
  }
  return { state, digest, HKICHash, fields }
}

/**
 * Why a resident cannot sign this request, if they cannot: D70004 for an iAM Smart (not +) resident, D70005 when
 * the request names another signer through HKICHash (or the resident is the magic HKID-mismatch one).
 */
export async function refusal(resident: Resident, expected: string | undefined): Promise<DCode | undefined> {
  if (resident.tier !== 'iAM Smart+') return 'D70004'
  if (resident.behaviour.hkidMismatch) return 'D70005'
  if (expected !== undefined && expected !== (await hkicHash(resident.profile.idNo.Identification)))
    return 'D70005'
  return undefined
}
