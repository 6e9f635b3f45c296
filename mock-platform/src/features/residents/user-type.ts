/** The sandbox's userType values (unverified against the official spec; see the fidelity table). */
import type { Resident } from '../../personas/resident.types'

export type UserType = 'iAMSmart' | 'iAMSmartPlus'

export const userTypeOf = (r: Resident): UserType => (r.tier === 'iAM Smart+' ? 'iAMSmartPlus' : 'iAMSmart')

/** When the seeded residents' data was last modified (residents edited later carry their own updatedAt). */
export const SEED_EPOCH = Date.UTC(2026, 0, 1)
