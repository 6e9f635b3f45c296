/** The portal feature's entry: the built portal served from the platform's port (Node only). */
export * from './portal-site'
