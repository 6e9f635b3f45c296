/** The access feature's entry: who may do what in the sandbox API (principals, session access, the audit log). */
export * from './access'
export * from './audit'
export * from './session-access'
export * from './staff-read'
