/** The accounts feature's entry: developer and staff accounts, sessions, passwords, the session cookie. */
export * from './account.types'
export * from './accounts.service'
export * from './http-session'
export * from './password'
export * from './sessions'
export * from './sessions.shared'
