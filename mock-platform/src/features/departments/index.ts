/** The departments feature's entry: synthetic department records (preview data exchange). */
export * from './department.types'
export * from './departments.service'
