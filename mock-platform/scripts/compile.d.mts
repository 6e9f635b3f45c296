/** Compiles `entry` to `outfile` (one ES module, npm packages left as imports) unless it is newer than every source; returns whether it built. */
export function compile(entry: string, outfile: string): Promise<boolean>
/** The flags the server runs with (`npm start`, the bench's children). */
export const NODE_FLAGS: string[]
