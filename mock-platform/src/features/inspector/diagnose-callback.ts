/** Diagnosis of a callback delivery: what the OSP's endpoint answered on each try, or why it could not be reached. */
import type { CallbackRecord } from '../callbacks'
import { diagnosis, iso } from './diagnosis.kit'
import type { Diagnosis } from './inspector.types'

const FIX_ACK =
  'Answer any 2xx as soon as you have stored the callback (decrypt and process it afterwards); the platform retries up to 5 times with back-off.'

export function diagnoseCallback(r: CallbackRecord): Diagnosis[] {
  if (r.state !== 'failed') return []
  const tries = r.attempts.length
  const last = r.attempts[tries - 1]
  const error = last?.error ?? ''
  if (r.forced) {
    return [
      diagnosis(
        'scenario-forced',
        'info',
        `Forced by scenario ${r.forced.scenarioId}: callback ${r.forced.fault === 'error' ? 'answered with HTTP 500' : 'never answered'}`,
        `No request was sent to ${r.url}; all ${tries} tries were marked ${r.forced.fault === 'error' ? 'failed' : 'timed out'} so you can test how your system copes.`,
        'Poll or re-initiate on your side; replay the callback from the inspector once your endpoint is ready.',
      ),
    ]
  }
  if (error.startsWith('refused:') || error.startsWith('callbacks need'))
    return [
      diagnosis(
        'callback-refused',
        'error',
        `The callback URL may not be called: ${error}`,
        `The sandbox refuses ${r.url}: it never calls link-local, metadata, unspecified, multicast or broadcast addresses, and a hosted sandbox never calls loopback, private or its own addresses either (names are resolved once and every address they resolve to is checked).`,
        'Register a publicly reachable https URL, or run the sandbox locally to call localhost.',
      ),
    ]
  const statuses = r.attempts.map((a) => a.status).filter((s): s is number => s !== undefined)
  if (statuses.length === tries && tries > 0)
    return [
      diagnosis(
        'callback-http-error',
        'error',
        `Your callback endpoint answered HTTP ${[...new Set(statuses)].join(', ')} on all ${tries} tries`,
        `Tries at ${r.attempts.map((a) => iso(a.at)).join(', ')} to ${r.url}; only a 2xx counts as received (redirects are not followed).`,
        FIX_ACK,
      ),
    ]
  if (/abort|timeout|timed out/i.test(error))
    return [
      diagnosis(
        'callback-timeout',
        'error',
        `Your callback endpoint did not answer in time (${tries} tries)`,
        `The last try to ${r.url} gave: ${error}.`,
        FIX_ACK,
      ),
    ]
  return [
    diagnosis(
      'callback-unreachable',
      'error',
      `Your callback endpoint could not be reached (${tries} tries)`,
      `The last try to ${r.url} failed with: ${error || 'no answer'}.`,
      'Check that the URL is reachable from the sandbox (DNS, TLS certificate, firewall) and that your server is running.',
    ),
  ]
}
