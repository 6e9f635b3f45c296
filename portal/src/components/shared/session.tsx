/** The signed-in account's session (GET /sandbox/v1/session), shared by every portal page that needs one. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { ApiError, sandboxApi, setCsrfToken, unwrap } from './api'
import type { Session } from './types'

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; error: ApiError }
  | { status: 'signed-in'; session: Session }

interface SessionContextValue {
  state: SessionState
  /** Reads the session again (after sign-in, or when the organisation changed). */
  refresh(): Promise<void>
  /** Takes the session a sign-up or sign-in answered. */
  begin(session: Session): void
  signOut(): Promise<void>
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined)

/** The last session read on this page load, so a client-side navigation shows it at once. */
let lastSession: Session | undefined

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(
    lastSession ? { status: 'signed-in', session: lastSession } : { status: 'loading' },
  )

  const begin = useCallback((session: Session) => {
    lastSession = session
    setCsrfToken(session.csrfToken)
    setState({ status: 'signed-in', session })
  }, [])

  const refresh = useCallback(async () => {
    try {
      begin(await unwrap(sandboxApi.GET('/session')))
    } catch (e) {
      const error = e as ApiError
      lastSession = undefined
      setCsrfToken(undefined)
      setState(error.status === 401 ? { status: 'signed-out' } : { status: 'error', error })
    }
  }, [begin])

  const signOut = useCallback(async () => {
    try {
      await unwrap(sandboxApi.DELETE('/session', {}))
    } catch {}
    lastSession = undefined
    setCsrfToken(undefined)
    setState({ status: 'signed-out' })
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return (
    <SessionContext.Provider value={{ state, refresh, begin, signOut }}>{children}</SessionContext.Provider>
  )
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside SessionProvider')
  return value
}

/** The session of a page that requires one (its frame renders the page only when signed in). */
export function useSignedIn(): Session {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useSignedIn without a session')
  return state.session
}
