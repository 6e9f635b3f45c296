/** The injected clock: every TTL in the platform reads time from here, so tests (and the test clock) can move it. */

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private time = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.time
  }
  advance(ms: number): void {
    this.time += ms
  }
  set(ms: number): void {
    this.time = ms
  }
}
