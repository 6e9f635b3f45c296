/** `@iamsmart-sandbox/openapi`: the protocol codec and the typed client for the iAM Smart platform API. */
export * from './client'
export * from './codec'
