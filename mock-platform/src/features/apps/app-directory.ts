/** The registered apps as the signed pipeline sees them (the protocol's AppDirectory port). */
import type { AppDirectory } from '../../protocol/ports'
import { SANDBOX_ORG_ID } from '../orgs'
import type { AppsService } from './apps.service'
import type { RegisteredApp } from './app.types'
import { acceptsPlainContent, profileOf } from './compatibility'

declare module '../../protocol/ports' {
  /** Handlers of signed calls receive the registered app. */
  interface SignedAppRegistry {
    app: RegisteredApp
  }
}

export function appDirectory(apps: AppsService): AppDirectory<RegisteredApp> {
  return {
    get: (clientID) => apps.get(clientID),
    secretsOf: (app) => apps.secretsOf(app),
    strict: (app) => app.strict === true,
    acceptsPlainContent: (app) => acceptsPlainContent(profileOf(app)),
    // Apps of the sandbox organisation (admin-created, demo) or of none count alone.
    rateKey: (app) =>
      app.orgId && app.orgId !== SANDBOX_ORG_ID ? `org:${app.orgId}` : `app:${app.clientID}`,
  }
}
