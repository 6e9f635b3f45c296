/** The inspector feature's entry: the request inspector and what it records. */
export * from './inspector.types'
export * from './inspector.service'
export { relayInspector } from './inspector.relay'
