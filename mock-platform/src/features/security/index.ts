/** The security feature's entry: content encryption keys (CEKs) per app. */
export * from './keys.service'
