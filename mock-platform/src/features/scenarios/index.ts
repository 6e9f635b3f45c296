/** The scenarios feature's entry: forced outcomes and the per-app test clock. */
export * from './scenarios.service'
export * from './scenarios.types'
export * from './app-clock'
export * from './app-clock.shared'
export * from './scenarios.shared'
