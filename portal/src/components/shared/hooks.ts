/** Loading data and running actions on the client (never during the static build), with their errors. */
import { type DependencyList, useCallback, useEffect, useState } from 'react'

/** Data loaded when the page is shown and whenever `deps` change, with a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState(true)
  const run = useCallback(load, deps)
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setData(await run())
      setError(undefined)
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }, [run])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, loading, reload, setData }
}

/** Runs one async action at a time with a busy flag and its error: `[run, busy, error]`. */
export function useAction(): [(fn: () => Promise<void>) => Promise<void>, boolean, unknown] {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await fn()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }, [])
  return [run, busy, error]
}

/** Runs an action and keeps what it says when it succeeds (its message, shown as a notice) or its error. */
export function useReport() {
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<unknown>(undefined)
  const report = useCallback(async (action: () => Promise<string>) => {
    try {
      const said = await action()
      setError(undefined)
      setMessage(said)
    } catch (e) {
      setError(e)
    }
  }, [])
  return { message, setMessage, error, report }
}
