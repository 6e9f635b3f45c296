/** The tickets feature's entry: tickets (the protocol's shared vocabulary), their outcomes and the tickets service. */
export * from './ticket.types'
export * from './outcomes'
export * from './tickets.service'
