/** The residents feature's entry: synthetic residents and who may see them. */
export * from './residents.service'
export * from './user-type'
