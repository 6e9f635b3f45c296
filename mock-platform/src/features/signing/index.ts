/** The signing feature's entry: what signing records on its tickets. */
export * from './signing.state'
