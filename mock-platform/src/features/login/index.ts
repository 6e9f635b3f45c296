/** The login feature's entry: authorisation codes and tokens, getQR's validation and recording. */
export * from './tokens.service'
export * from './get-qr.validate'
export * from './get-qr.record'
