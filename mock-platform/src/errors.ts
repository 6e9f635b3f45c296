/** The one error model: a PlatformError carries a D-code; onError maps it to the envelope or to problem+json. */
import type { DCode } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'

export type { DCode }

/** HTTP statuses the platform uses besides 200 (design §5). */
export type PlatformStatus = 200 | 400 | 404 | 405 | 413 | 415 | 429 | 500

export class PlatformError extends Error {
  constructor(
    readonly code: DCode,
    /** What went wrong, for the request inspector and logs; never sent on the wire. */
    readonly detail?: string,
    readonly status: PlatformStatus = 200,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${detail ?? dCodes[code].message}`)
    this.name = 'PlatformError'
  }
}

export function messageOf(code: DCode): string {
  return dCodes[code].message
}

/** A sandbox/support API error, answered as application/problem+json (RFC 9457). */
export class ProblemError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${status} ${title}${detail ? `: ${detail}` : ''}`)
    this.name = 'ProblemError'
  }
}
