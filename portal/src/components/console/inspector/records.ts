/** The list's records: the filter (as a query and as a test of a live record), the live tail, merging copies. */
import { useEffect, useRef, useState } from 'react'
import { hkInputToDate } from '../../hk-time'
import { SANDBOX_API } from '../../shared/api'
import { apiLang } from '../../shared/lang'
import type { InspectorItem } from '../../shared/types'

export interface Filter {
  operation: string
  code: string
  /** A datetime-local value, or ''. */
  since: string
}

export const NO_FILTER: Filter = { operation: '', code: '', since: '' }

export function queryOf(f: Filter): Record<string, string> {
  const since = hkInputToDate(f.since)
  return {
    ...(f.operation ? { operation: f.operation } : {}),
    ...(f.code ? { code: f.code } : {}),
    ...(since ? { since: since.toISOString() } : {}),
  }
}

export function matches(item: InspectorItem, f: Filter): boolean {
  if (f.operation && item.operationId !== f.operation) return false
  if (f.code === 'error' && item.code === 'D00000') return false
  if (f.code && f.code !== 'error' && item.code !== f.code) return false
  const since = hkInputToDate(f.since)
  if (since && item.at < since.getTime()) return false
  return true
}

type LiveState = 'off' | 'connecting' | 'live' | 'retrying'

/** Follows the app's records with an EventSource while `on`; each new record goes to `onItem`. */
export function useLiveTail(clientID: string, on: boolean, onItem: (item: InspectorItem) => void): LiveState {
  const [state, setState] = useState<LiveState>('off')
  const handler = useRef(onItem)
  handler.current = onItem
  useEffect(() => {
    if (!on) {
      setState('off')
      return
    }
    setState('connecting')
    const source = new EventSource(
      `${SANDBOX_API}/apps/${encodeURIComponent(clientID)}/requests/stream?lang=${apiLang()}`,
    )
    const receive = (e: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(e.data) as InspectorItem)
      } catch {}
    }
    source.addEventListener('ready', () => setState('live'))
    source.addEventListener('request', receive as EventListener)
    source.addEventListener('callback', receive as EventListener)
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'off' : 'retrying')
    return () => source.close()
  }, [clientID, on])
  return state
}

/** What changes when a record is recorded again: a callback's state and tries. */
export function versionOf(item: InspectorItem | undefined): string {
  return item?.kind === 'callback' ? `${item.state}:${item.attempts.length}` : ''
}

/** New records first, then the others, each txID once (the newer copy wins), newest first. */
export function merge(incoming: InspectorItem[], current: InspectorItem[]): InspectorItem[] {
  const byId = new Map<string, InspectorItem>()
  for (const x of [...current, ...incoming]) byId.set(x.txID, x)
  return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, 500)
}
