/** The consent feature's entry: the consent ledger and what a decided ticket releases. */
export * from './consent.types'
export * from './consent.service'
export * from './consent.recorder'
