/**
 * How to provoke every D-code headlessly (no browser): a request, a decision, a magic resident or a scenario, and where
 * the code appears. The portal's D-code table prints it; provoke.test.ts does each one and checks code and place.
 */
import type { DCode } from '../../errors'

export type Where = 'envelope' | 'redirect' | 'callback'

export interface Provocation {
  where: Where
  /** Markdown, one sentence. */
  how: string
}

const decision = (d: string, what: string) =>
  `Decide the ${what} with \`${d}\` (\`POST /sandbox/v1/tickets/{ticketID}/decision\`, the app's autopilot, or a magic resident).`
const getQr = (d: string) =>
  `Send \`X-Sandbox-Decision: ${d}\` (or the app's autopilot with decision \`${d}\`) with getQR.`
const scenario = (op: string) =>
  `Queue a scenario with this \`dcode\` for \`${op}\` (\`POST /sandbox/v1/apps/{clientID}/scenarios\`); no request can make the sandbox fail this way on its own.`

export const HOW_TO_PROVOKE: Record<DCode, Provocation> = {
  D00000: { where: 'envelope', how: 'Any well-formed call, e.g. getKey with `{}`.' },
  D20000: { where: 'envelope', how: scenario('any operation') },
  D20001: {
    where: 'envelope',
    how: 'Call getKey or revokeKey with a body that has members, e.g. `{"scope":"x"}`.',
  },
  D20002: { where: 'envelope', how: 'Leave out a required field, e.g. getToken without `code`.' },
  D20003: { where: 'envelope', how: 'Send an illegal value, e.g. getToken with `grantType: "password"`.' },
  D20004: { where: 'envelope', how: 'Send the same `nonce` twice, or a `timestamp` more than 300 s off.' },
  D20005: { where: 'envelope', how: 'Send `signatureMethod: HmacSHA1`.' },
  D20006: { where: 'envelope', how: 'Sign with another secret, or alter the body after signing.' },
  D20007: { where: 'envelope', how: 'initiateRequest with `source: "Nokia"` (getQR: on the redirect).' },
  D20008: { where: 'envelope', how: 'initiateRequest with a `redirectURI` the app has not registered.' },
  D20009: { where: 'envelope', how: 'initiateRequest with an unknown or expired `accessToken`.' },
  D20010: {
    where: 'envelope',
    how: 'initiateRequest with an `openID` that does not belong to the access token.',
  },
  D20011: { where: 'envelope', how: 'Send two requests with the same `businessID`.' },
  D20012: {
    where: 'envelope',
    how: 'initiateRequest for a scope the app was not granted (getQR: on the redirect).',
  },
  D20022: { where: 'envelope', how: scenario('any encrypted operation') },
  D20026: {
    where: 'envelope',
    how: 'Exceed `RATE_LIMIT_PER_MINUTE` signed calls in a minute (HTTP 429 with `Retry-After`).',
  },
  D20027: { where: 'envelope', how: 'POST to a path the platform does not serve (HTTP 404).' },
  D30001: { where: 'envelope', how: 'Call getKey for an app with no KEK registered.' },
  D30002: {
    where: 'envelope',
    how: 'Make an encrypted call before any getKey, after revokeKey, or with an expired CEK.',
  },
  D30003: { where: 'envelope', how: scenario('any encrypted operation') },
  D30004: { where: 'envelope', how: 'Encrypt `content` with a key the sandbox never issued to the app.' },
  D40000: { where: 'redirect', how: getQr('cancel') },
  D40001: { where: 'redirect', how: `${getQr('reject')} Or log in as \`magic-reject\`.` },
  D40002: { where: 'redirect', how: `${getQr('fail')} Or log in as \`magic-fail\`.` },
  D40003: { where: 'redirect', how: `${getQr('timeout')} Or log in as \`magic-timeout\`.` },
  D40004: { where: 'envelope', how: 'Exchange the same authorisation `code` twice at getToken.' },
  D40035: {
    where: 'redirect',
    how: 'Send `X-Sandbox-Resident: magic-id-card-error` with getQR (login or anonymous hand-over).',
  },
  D50001: { where: 'callback', how: decision('cancel` or `reject', 'profile request') },
  D50002: { where: 'callback', how: decision('fail', 'profile request') },
  D50003: { where: 'callback', how: decision('timeout', 'profile request') },
  D60000: { where: 'callback', how: decision('cancel', 'e-ME request') },
  D60001: { where: 'callback', how: decision('reject', 'e-ME request') },
  D60002: { where: 'callback', how: decision('fail', 'e-ME request') },
  D60003: { where: 'callback', how: decision('timeout', 'e-ME request') },
  D70000: { where: 'callback', how: decision('cancel', 'signing request') },
  D70001: { where: 'callback', how: decision('reject', 'signing request') },
  D70002: { where: 'callback', how: decision('fail', 'signing request') },
  D70003: { where: 'callback', how: decision('timeout', 'signing request') },
  D70004: { where: 'envelope', how: 'Ask `magic-basic-tier` (iAM Smart, not iAM Smart+) to sign.' },
  D70005: { where: 'envelope', how: 'Ask `magic-hkid-mismatch` to sign.' },
  D70006: {
    where: 'envelope',
    how: 'ackSigningResult for a `businessID` that is not a delivered signing result.',
  },
  D80001: { where: 'callback', how: decision('reject` or `cancel', 'step-up request') },
  D80002: { where: 'callback', how: decision('fail', 'step-up request') },
  D80003: { where: 'callback', how: decision('timeout', 'step-up request') },
}
