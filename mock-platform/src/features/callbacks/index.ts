/** The callbacks feature's entry: the outbox delivering tickets' callbacks to apps. */
export * from './outbox'
