/**
 * A small client of the support API (`/support/v1`) and the few sandbox calls the support pages need
 * (`/sandbox/v1/session`, `/apps`, the inspector's failed requests). Same origin: the session cookie goes with every
 * call; unsafe calls carry the session's CSRF token (`X-CSRF-Token`). Types come from the generated OpenAPI types.
 */
import type { components as SupportComponents } from '@iamsmart-sandbox/openapi/generated/support'
import type { components as SandboxComponents } from '@iamsmart-sandbox/openapi/generated/sandbox'
import { formatHkTime } from '../hk-time'

export type S = SupportComponents['schemas']
export type Enquiry = S['Enquiry']
export type Application = S['Application']
export type Meta = S['Meta']
export type QueueItem = S['QueueItem']
export type Suggestions = S['Suggestions']
export type CannedAnswer = S['CannedAnswer']
export type Dashboard = S['Dashboard']
export type Category = S['Category']
export type Priority = S['Priority']
export type WorkStatus = S['WorkStatus']
export type Programme = S['Programme']
export type Contact = S['Contact']
export type AttachmentUpload = S['AttachmentUpload']
export type Session = SandboxComponents['schemas']['Session']
export type App = SandboxComponents['schemas']['App']
export type InspectorItem = SandboxComponents['schemas']['InspectorItem']
export type InspectorCall = SandboxComponents['schemas']['InspectorCall']

let csrfToken: string | undefined

export class SupportApiError extends Error {
  readonly status: number
  readonly errors: Record<string, string>
  constructor(status: number, problem: { title?: string; detail?: string; errors?: Record<string, string> }) {
    super(problem.detail ? `${problem.title ?? ''}: ${problem.detail}` : (problem.title ?? `HTTP ${status}`))
    this.name = 'SupportApiError'
    this.status = status
    this.errors = problem.errors ?? {}
  }
}

/** One JSON call; throws a SupportApiError with the problem document's title and detail on failure. */
export async function call<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new SupportApiError(0, { title: 'The sandbox did not answer', detail: (e as Error).message })
  }
  const text = await res.text()
  let data: unknown = undefined
  try {
    data = text ? JSON.parse(text) : undefined
  } catch {
    data = { title: text }
  }
  if (!res.ok) throw new SupportApiError(res.status, (data ?? {}) as { title?: string })
  return data as T
}

export const support = <T>(path: string, method = 'GET', body?: unknown) =>
  call<T>(`/support/v1${path}`, method, body)
export const sandbox = <T>(path: string, method = 'GET', body?: unknown) =>
  call<T>(`/sandbox/v1${path}`, method, body)

/** The current session, or null when signed out (401). Remembers the CSRF token. */
export async function loadSession(): Promise<Session | null> {
  try {
    const s = await sandbox<Session>('/session')
    csrfToken = s.csrfToken
    return s
  } catch (e) {
    if (e instanceof SupportApiError && (e.status === 401 || e.status === 403)) return null
    throw e
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  const s = await sandbox<Session>('/session', 'POST', { email, password })
  csrfToken = s.csrfToken
  return s
}

export async function signOut(): Promise<void> {
  await sandbox('/session', 'DELETE')
  csrfToken = undefined
}

/** Reads a browser File as standard Base64 (no data: prefix), for an AttachmentUpload. */
export function fileToUpload(file: File): Promise<AttachmentUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.onload = () => {
      const url = String(reader.result)
      resolve({ filename: file.name, data: url.slice(url.indexOf(',') + 1) })
    }
    reader.readAsDataURL(file)
  })
}

/** `YYYY-MM-DD HH:MM HKT`: Hong Kong time with its zone (the mails use it too). */
export function formatTime(value: string | number | undefined | null): string {
  return formatHkTime(value, { seconds: false })
}

export function errorText(e: unknown): string {
  if (e instanceof SupportApiError) {
    const fields = Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`)
    return [e.message, ...fields].join(' — ')
  }
  return (e as Error)?.message ?? String(e)
}
