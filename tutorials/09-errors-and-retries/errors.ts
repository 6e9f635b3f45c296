/** Lesson 09: errors and retries: what the client retries for you, what you retry, and what you never retry. */
import {
  createIamSmartClient,
  type FetchLike,
  type IamSmartClient,
  type IamSmartError,
} from '@iamsmart-sandbox/openapi/client'

export interface Call {
  path: string
  code: string
}

// #region observe
/** A fetch that notes every call's path and envelope code: the client's own retries become visible in your logs. */
export function recordingFetch(calls: Call[]): FetchLike {
  return async (request) => {
    const response = await fetch(request)
    const envelope = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string }
    calls.push({
      path: new URL(request.url).pathname.replace(/^.*\/api\/v1/, ''),
      code: envelope.code ?? `HTTP ${response.status}`,
    })
    return response
  }
}

export function observedClient(
  o: { baseUrl: string; clientID: string; clientSecret: string; kekPrivateKeyPem: string },
  calls: Call[],
): IamSmartClient {
  const { kekPrivateKeyPem, ...rest } = o
  return createIamSmartClient({ ...rest, kekPrivateKeys: [kekPrivateKeyPem], fetch: recordingFetch(calls) })
}
// #endregion observe

// #region next-step
export type NextStep = 'retry-later' | 'restart-journey' | 'tell-resident' | 'fix-integration'

/**
 * What to do after a failed call. The client has already fetched a new CEK and retried once on D30001–D30004;
 * a second key error is worth one later retry, not a loop.
 */
export function nextStep(error: IamSmartError): NextStep {
  if (error.kind === 'transport') return 'retry-later' // network, or no iAM Smart envelope: back off and retry
  const code = error.code
  if (
    code === 'D20000' ||
    code === 'D20026' ||
    code === 'D30002' ||
    (error.kind === 'platform' && error.status === 429)
  )
    return 'retry-later'
  if (code === 'D40004' || code === 'D20009' || code === 'D20010') return 'restart-journey' // code/token used up
  if (/^D(4000[0-3]|5000[1-3]|6000[0-3]|7000[0-5]|8000[1-3])$/.test(code)) return 'tell-resident'
  return 'fix-integration' // D20002–D20008, D20011, D20012, D30001, D30003, D30004: the request itself is wrong
}
// #endregion next-step
