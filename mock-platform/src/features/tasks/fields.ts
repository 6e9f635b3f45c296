/** The profile and e-ME field names a request may ask for, and the rule that only agreed fields are released. */
import { schemaEnums } from '@iamsmart-sandbox/openapi/generated/platform-validators'

/** The profile fields, as the contract lists them (`ProfileField`). */
export const PROFILE_FIELDS = schemaEnums.ProfileField
/** The 14 e-ME fields, as the residents hold them (one list for data and requests). */
export { EME_FIELDS } from '../../personas/resident.types'

/** Copies only the requested-and-agreed fields the resident actually has (unmaintained fields stay absent). */
export function release(
  source: object,
  requested: readonly string[],
  agreed?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const data = source as Record<string, unknown>
  for (const f of requested) {
    if (agreed && !agreed.includes(f)) continue
    if (data[f] !== undefined && data[f] !== null) out[f] = structuredClone(data[f])
  }
  return out
}
