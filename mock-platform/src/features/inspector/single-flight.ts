/**
 * One run at a time: a call while a run is under way shares the single run queued after it (callers arriving
 * meanwhile join that one), so no chain of waiting runs grows however often it is called.
 */
export function singleFlight(run: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | undefined
  let next: Promise<void> | undefined
  const start = (): Promise<void> => {
    const p = run().finally(() => {
      if (current === p) current = undefined
    })
    current = p
    return p
  }
  return () => {
    if (next) return next
    if (!current) return start()
    next = current
      .catch(() => {})
      .then(() => {
        next = undefined
        return start()
      })
    return next
  }
}
