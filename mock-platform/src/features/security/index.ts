/** The security feature's entry: content encryption keys (CEKs) per app, in this process or shared by every instance. */
export * from './keys.service'
export { SharedKeysService } from './keys.shared'
