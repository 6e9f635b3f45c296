/** The try-it panel's request: the app remembered across pages, the JSON typed in, exchanges as text. */
import { translate } from '@docusaurus/Translate'
import type { Schemas } from '../../shared/types'

export interface TryItExample {
  summary: string
  value: unknown
}

export type TryItResult = Schemas['TryItResult']
export type TryOperation = Schemas['TryItRequest']['operation']

/** The app the reader last tried with, kept across reference pages. */
const APP_KEY = 'iamsmart-sandbox.tryIt.app'

export function rememberedApp(): string | undefined {
  try {
    return window.localStorage.getItem(APP_KEY) ?? undefined
  } catch {
    return undefined
  }
}

export function remember(clientID: string): void {
  try {
    window.localStorage.setItem(APP_KEY, clientID)
  } catch {}
}

export const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2)

/** The request JSON of the text area: an object, or what is wrong with it. */
export function parseRequest(text: string): { value?: Record<string, unknown>; error?: string } {
  let value: unknown
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text)
  } catch (e) {
    return {
      error: translate(
        { id: 'console.tryIt.json.invalid', message: 'This is not valid JSON: {reason}' },
        { reason: (e as Error).message },
      ),
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      error: translate({
        id: 'console.tryIt.json.notObject',
        message: 'The request must be a JSON object ({ … }).',
      }),
    }
  return { value: value as Record<string, unknown> }
}

export function requestText(x: TryItResult['exchanges'][number]): string {
  const headers = Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`)
  return [`${x.request.method} ${x.request.url}`, ...headers, '', x.request.body].join('\n')
}

export function responseText(x: TryItResult['exchanges'][number]): string {
  const headers = Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`)
  return [`HTTP ${x.response.status}`, ...headers, '', x.response.body].join('\n')
}
