/** Validation of signing requests: the digest (64 hex or 44 Base64), HKICHash, the texts shown in the app. */
import { base64ToBytes, hexToBytes, hkicHash } from '@iamsmart-sandbox/openapi/codec'
import type { DCode } from '../../errors'
import { PlatformError } from '../../errors'
import type { Resident } from '../../personas/resident.types'
import { langOfRequest, optionalString, requireString } from '../tasks/initiate.validate'

const HEX_DIGEST = /^[0-9a-fA-F]{64}$/
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=$/
const HKIC_HASH = /^[A-Za-z0-9+/]{43}=$/
/** DisplayText in the spec: 1–200 characters. */
const DISPLAY_MAX = 200

export interface Digest {
  /** As sent: echoed verbatim in the result. */
  text: string
  /** The 32 digest bytes that are signed. */
  bytes: Uint8Array
}

/** `hashCode` / `docDigest`: SHA-256 as 64 hex or 44 Base64 characters; missing → D20002, anything else → D20003. */
export function digestOf(req: Record<string, unknown>, name: 'hashCode' | 'docDigest'): Digest {
  const v = req[name]
  if (v === undefined || v === null || v === '') throw new PlatformError('D20002', `${name} is missing`)
  if (typeof v === 'string' && HEX_DIGEST.test(v)) return { text: v, bytes: hexToBytes(v) }
  if (typeof v === 'string' && BASE64_DIGEST.test(v)) {
    try {
      return { text: v, bytes: base64ToBytes(v) }
    } catch {
      // a non-canonical Base64 tail is not the encoding of a digest
    }
  }
  throw new PlatformError('D20003', `${name} must be a SHA-256 digest: 64 hex or 44 Base64 characters`)
}

/** The optional expected signer (Base64 SHA-256 of the HKID identification). */
export function hkicHashOf(req: Record<string, unknown>): string | undefined {
  const v = optionalString(req, 'HKICHash', 44)
  if (v !== undefined && !HKIC_HASH.test(v))
    throw new PlatformError('D20003', 'HKICHash must be 44 Base64 characters (SHA-256)')
  return v
}

/** The descriptive fields shown to the resident in the app and on the QR page. */
export function displayTexts(req: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of ['department', 'serviceName', 'documentName']) {
    const v = optionalString(req, name, DISPLAY_MAX)
    if (v !== undefined) out[name] = v
  }
  return out
}

/** What a signing request asks to sign, read in the order its errors are reported: state, digest, HKICHash, texts. */
export interface ToSign {
  /** At most 512 characters (the other tasks allow 1024). */
  state: string
  digest: Digest
  HKICHash: string | undefined
  /** What the ticket keeps of it: the digest as sent, HKICHash when given, the texts, the language. */
  fields: Record<string, unknown>
}

export function toSignOf(req: Record<string, unknown>, name: 'hashCode' | 'docDigest'): ToSign {
  const state = requireString(req, 'state', 512)
  const digest = digestOf(req, name)
  const HKICHash = hkicHashOf(req)
  const texts = displayTexts(req)
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
