/** Any error met while handling a platform call, as the D-code the platform answers with. */
import { CodecError } from '@iamsmart-sandbox/openapi/codec'
import { PlatformError } from '../errors'
import { LogFullError } from '../store/record-log'

export function toPlatformError(e: unknown): PlatformError {
  if (e instanceof PlatformError) return e
  if (e instanceof CodecError) return new PlatformError(e.code, e.message)
  // The request log or the consent ledger is behind by its whole queue: refuse, the caller retries (nothing lost).
  if (e instanceof LogFullError) return new PlatformError('D20026', e.message, 429, { 'Retry-After': '1' })
  return new PlatformError('D20000', e instanceof Error ? e.message : String(e), 500)
}
