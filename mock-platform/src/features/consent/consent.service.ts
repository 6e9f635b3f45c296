/** The consent ledger: durable consents, an append-only event history, status, revocation and the test clock. */
import type { Clock } from '../../clock'
import { newId } from '../../ids'
import type { Logger } from '../../logger'
import type { Collection } from '../../store/collection'
import type { Consent, ConsentEvent, ConsentEventType, ConsentStatus } from './consent.types'

export type NewConsent = Omit<Consent, 'id' | 'revokedAt'>

export class ConsentService {
  private readonly eventsOf = new Map<string, ConsentEvent[]>()
  private readonly byBusiness = new Map<string, string>()
  /** Writes started by synchronous hooks (a ticket decided), in order; `settled()` waits for them. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly consents: Collection<Consent>,
    private readonly events: Collection<ConsentEvent>,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {
    for (const e of events.list().sort((a, b) => a.at - b.at)) this.index(e)
    for (const c of consents.list())
      if (c.businessID) this.byBusiness.set(key(c.clientID, c.businessID), c.id)
  }

  status(c: Consent): ConsentStatus {
    if (c.revokedAt !== undefined) return 'revoked'
    return c.validUntil <= this.clock.now() ? 'expired' : 'active'
  }

  get(consentRef: string): Consent | undefined {
    return this.consents.get(consentRef)
  }

  /** The consent if `clientID` holds it; undefined for another app's (object-level authorisation). */
  heldBy(clientID: string, ref: { consentRef?: string; businessID?: string }): Consent | undefined {
    const id =
      ref.consentRef ?? (ref.businessID ? this.byBusiness.get(key(clientID, ref.businessID)) : undefined)
    const c = id ? this.consents.get(id) : undefined
    return c?.clientID === clientID ? c : undefined
  }

  /** A resident's consents, newest first. */
  ofResident(residentId: string): Consent[] {
    return this.consents
      .list()
      .filter((c) => c.residentId === residentId)
      .sort((a, b) => b.validFrom - a.validFrom || a.id.localeCompare(b.id))
  }

  /** The consent's history, oldest first (granted, every retrieval, revoked). */
  history(consentRef: string): ConsentEvent[] {
    return [...(this.eventsOf.get(consentRef) ?? [])]
  }

  async grant(input: NewConsent): Promise<Consent> {
    const consent: Consent = { id: newId(), ...input }
    await this.consents.put(consent)
    if (consent.businessID) this.byBusiness.set(key(consent.clientID, consent.businessID), consent.id)
    await this.append(consent, 'granted', consent.items, consent.validFrom)
    return consent
  }

  /** A release recorded from a synchronous hook; failures are logged, never thrown into the ticket flow. */
  recordLater(input: NewConsent | undefined): void {
    if (!input) return
    this.queue = this.queue
      .then(() => this.grant(input))
      .catch((e: Error) => this.logger?.error('consent not recorded', { error: e.message }))
  }

  /** Waits for the releases queued by recordLater (tests, shutdown). */
  settled(): Promise<unknown> {
    return this.queue
  }

  /** Revokes the resident's consent at once; undefined when it is not theirs or already revoked. */
  async revoke(consentRef: string, residentId: string): Promise<Consent | undefined> {
    const c = this.consents.get(consentRef)
    if (!c || c.residentId !== residentId || c.revokedAt !== undefined) return undefined
    const revoked: Consent = { ...c, revokedAt: this.clock.now() }
    await this.consents.put(revoked)
    await this.append(revoked, 'revoked', [], revoked.revokedAt!)
    return revoked
  }

  /** Audit of one data-exchange retrieval: when, which data sets, by which app (the consent's holder). */
  async retrieved(c: Consent, sets: readonly string[]): Promise<ConsentEvent> {
    return this.append(c, 'retrieved', [...sets], this.clock.now())
  }

  /** Test clock: the app's consents still running come `ms` closer to their end (one-off ones have ended). */
  shift(clientID: string, ms: number): Promise<unknown> {
    const now = this.clock.now()
    // Every put changes the in-memory record at once (so the move applies to the next call); the writes are awaited later.
    const writes = this.consents
      .list()
      .filter((c) => c.clientID === clientID && c.revokedAt === undefined && c.validUntil > now)
      .map((c) => this.consents.put({ ...c, validUntil: Math.max(c.validFrom, c.validUntil - ms) }))
    const done = Promise.all(writes)
    this.queue = this.queue.then(() => done)
    return done
  }

  private async append(
    c: Consent,
    type: ConsentEventType,
    items: string[],
    at: number,
  ): Promise<ConsentEvent> {
    const e: ConsentEvent = {
      id: newId(),
      consentRef: c.id,
      residentId: c.residentId,
      clientID: c.clientID,
      type,
      at,
      items,
    }
    await this.events.put(e)
    this.index(e)
    return e
  }

  private index(e: ConsentEvent): void {
    const list = this.eventsOf.get(e.consentRef) ?? []
    list.push(e)
    this.eventsOf.set(e.consentRef, list)
  }
}

const key = (clientID: string, businessID: string): string => `${clientID}\u0000${businessID}`
