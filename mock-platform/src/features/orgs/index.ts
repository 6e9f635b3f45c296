/** The organisations feature's entry: organisations, members, programme status. */
export * from './org.types'
export * from './orgs.service'
