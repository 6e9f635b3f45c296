/** The apps feature's entry: registered apps, their change requests, compatibility profiles, the protocol's app directory. */
export * from './app.types'
export * from './apps.service'
export * from './app.validate'
export * from './app-directory'
export * from './changes.service'
export * from './compatibility'
