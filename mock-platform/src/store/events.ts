/**
 * Events every instance sees: the inspector's live tail, the virtual app's waiting pages. Payloads are small (an id and
 * a kind; at most 7,000 bytes): a subscriber reads what it needs from the store. The hosted engine uses PostgreSQL's
 * LISTEN/NOTIFY (postgres/events.pg.ts, decision 0019); this file holds the interface and the one-process engine.
 */

export type Listener = (payload: string) => void

export interface Events {
  /** Delivered to every subscriber of `channel` on every instance, this one included. */
  publish(channel: string, payload: string): Promise<void>
  subscribe(channel: string, fn: Listener): () => void
  /** Called after the connection to other instances was lost and restored: events in between may be missed. */
  onGap(fn: () => void): () => void
  close(): Promise<void>
}

/** NOTIFY's limit is 8,000 bytes; this leaves room for the channel name and framing. */
export const EVENT_PAYLOAD_MAX = 7_000

export class EventPayloadTooLarge extends Error {
  constructor(bytes: number) {
    super(
      `event payload of ${bytes} bytes exceeds ${EVENT_PAYLOAD_MAX}: publish an id and read the rest from the store`,
    )
  }
}

/** Local fan-out, shared by both engines: the hosted engine feeds it what arrives from the database. */
export class Subscribers {
  private readonly byChannel = new Map<string, Set<Listener>>()
  readonly gaps = new Set<() => void>()

  add(channel: string, fn: Listener): () => void {
    let set = this.byChannel.get(channel)
    if (!set) this.byChannel.set(channel, (set = new Set()))
    set.add(fn)
    return () => {
      set.delete(fn)
      if (set.size === 0) this.byChannel.delete(channel)
    }
  }

  deliver(channel: string, payload: string): void {
    for (const fn of this.byChannel.get(channel) ?? []) {
      try {
        fn(payload)
      } catch {
        // One subscriber's failure does not keep the event from the others.
      }
    }
  }

  gap(): void {
    for (const fn of this.gaps) fn()
  }
}

export function checkPayload(payload: string): void {
  const bytes = Buffer.byteLength(payload)
  if (bytes > EVENT_PAYLOAD_MAX) throw new EventPayloadTooLarge(bytes)
}

export function memoryEvents(): Events {
  const subs = new Subscribers()
  return {
    async publish(channel, payload) {
      checkPayload(payload)
      queueMicrotask(() => subs.deliver(channel, payload))
    },
    subscribe: (channel, fn) => subs.add(channel, fn),
    onGap(fn) {
      subs.gaps.add(fn)
      return () => subs.gaps.delete(fn)
    },
    close: async () => {},
  }
}
