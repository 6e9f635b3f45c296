/** The demo feature's entry: the demo app (Node only) and its code exchange. */
export * from './demo-app'
export * from './demo-app.shared'
export * from './demo-exchange'
