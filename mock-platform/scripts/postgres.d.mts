/** Types of postgres.mjs (a plain script, shared with .ci/run and start:hosted). */
export function postgresBin(): string
export function freePort(): Promise<number>
/** Starts (creating on first use) a private cluster in `dir`; resolves with its superuser URL. */
export function startCluster(dir: string, port?: number): Promise<string>
/** Stops the cluster in `dir`; false when none was running. */
export function stopCluster(dir: string): boolean
