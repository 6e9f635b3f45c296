/** The platform's operations a scenario can force, those answered by callback, and the D-codes of failures. */
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'

export const OPERATIONS = Object.keys(platformOperations)
/** Operations whose result arrives by callback: a scenario may make that callback fail. */
export const WITH_CALLBACK = [
  'initiateProfileRequest',
  'initiateEmeRequest',
  'initiateStepUpRequest',
  'initiateSigningRequest',
  'initiatePdfSigningRequest',
]
export const FAILURE_CODES = Object.keys(dCodes).filter((c) => c !== 'D00000')
