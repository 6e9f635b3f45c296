/** Node's synchronous crypto when the host has it: several times cheaper than Web Crypto for the hot path's tiny calls. */

type NodeCrypto = typeof import('node:crypto')

/** Loaded without a static `node:` import, so the codec still runs in browsers and workers (Web Crypto there). */
const nodeCrypto: NodeCrypto | undefined = (() => {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  try {
    return host?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined
  } catch {
    return undefined
  }
})()

let enabled = nodeCrypto !== undefined

/** Switches the Node fast path on or off (tests run the known answers through both implementations). */
export function useNativeCrypto(on: boolean): void {
  enabled = on && nodeCrypto !== undefined
}

/** node:crypto when available and enabled, else undefined (use Web Crypto). */
export function native(): NodeCrypto | undefined {
  return enabled ? nodeCrypto : undefined
}
