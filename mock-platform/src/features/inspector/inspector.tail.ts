/** One app's tail in the inspector: its entries (observed, built, written) and the bookkeeping around them. */
import type { CallRecord } from '../../protocol/call-record'
import type { CallbackRecord } from '../callbacks'
import type { InspectedItem } from './inspector.types'

export interface Entry {
  raw?: CallRecord | CallbackRecord
  kind: 'call' | 'callback'
  offset: number
  item?: InspectedItem
  written?: boolean
  /** Told once the entry is in the request log (InspectorOptions.answerAfterWrite). */
  onWritten?: () => void
}

export interface Tail {
  entries: Entry[]
  hydrated: boolean
  /** Serialises building (in arrival order, so "first used at" lookups see every earlier call). */
  work: Promise<void>
  /** Observed, not yet in the log (bounded: beyond `perApp` this app's callers wait, no other app's). */
  unwritten: number
  room: Array<() => void>
}

/** The entry is in the request log: whoever waits for that is told. */
export function markWritten(e: Entry): void {
  e.written = true
  e.onWritten?.()
  delete e.onWritten
}

export function newTail(): Tail {
  return { entries: [], hydrated: false, work: Promise.resolve(), unwritten: 0, room: [] }
}

/**
 * Items another instance wrote join the tail as written entries, in time order, the tail kept to `size`; returns
 * those that were new (for the live subscribers).
 */
export function adoptInto(tail: Tail, items: InspectedItem[], size: number): InspectedItem[] {
  const known = new Set(tail.entries.map((e) => e.item?.txID))
  const added = items.filter((item) => !known.has(item.txID))
  for (const item of added) tail.entries.push({ kind: item.kind, offset: 0, item, written: true })
  tail.entries.sort((a, b) => (a.item?.at ?? Infinity) - (b.item?.at ?? Infinity))
  while (tail.entries.length > size && tail.entries[0]!.written) tail.entries.shift()
  return added
}
