/** The sandbox's userType values (unverified against the official spec; see the fidelity table). */
import type { Resident } from '../../personas/resident.types'

export type UserType = 'IAM_SMART' | 'IAM_SMART_PLUS'

export const userTypeOf = (r: Resident): UserType =>
  r.tier === 'iAM Smart+' ? 'IAM_SMART_PLUS' : 'IAM_SMART'

/** When the seeded residents' data was last modified (residents edited later carry their own updatedAt). */
export const SEED_EPOCH = Date.UTC(2026, 0, 1)
