/** The tasks feature's entry: one intake for every task kind and the initiation requests' shared checks. */
export * from './intake'
export * from './initiate.validate'
export * from './routes.kit'
export { type PushLimit, SharedPushLimiter } from './push-limit'
