/** The virtual app feature's entry: what the virtual iAM Smart app keeps of its history. */
export * from './virtual-app.types'
export * from './virtual-app.history'
