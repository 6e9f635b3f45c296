/**
 * The consent ledger. Every release of resident data, every revocation and every data-exchange retrieval is a line of
 * the append-only ledger (one partition per app), written before the platform answers. Consents that last a period
 * (data exchange) and revoked ones are also documents, for status and the test clock; one-off releases live in the
 * ledger only, with a bounded index of the recent ones in memory.
 */
import type { Clock } from '../../clock'
import { newId } from '../../ids'
import type { Logger } from '../../logger'
import { type Documents, findAll } from '../../store/documents'
import type { RecordLog } from '../../store/record-log'
import type { Consent, ConsentEvent, ConsentEventType, ConsentStatus } from './consent.types'
import { isOneOff } from './consent.types'

export type NewConsent = Omit<Consent, 'id' | 'revokedAt'>

/** A ledger line: an event; `granted` lines carry the consent itself. `recovered` notes an abrupt stop. */
export type LedgerLine =
  (ConsentEvent & { consent?: Consent }) | { type: 'recovered'; id: string; at: number; detail: string }

/** Where the ledger's notes about itself go (not an app). */
const LEDGER_PARTITION = '_ledger'
/** Recent one-off releases kept in memory for the virtual app and getStatus (older ones are read from the ledger). */
const RECENT = 20_000
const PER_RESIDENT = 50
/** Ledger lines read at most per partition when looking an old consent up. */
const SCAN = 200_000

export class ConsentService {
  private readonly recent = new Map<string, Consent>()
  private readonly byResident = new Map<string, string[]>()
  private readonly byBusiness = new Map<string, string>()
  private readonly hydrated = new Set<string>()
  /** Incomplete ledger lines cut at this start (an abrupt stop while writing), as the ledger recorded them. */
  readonly recovered: string[] = []

  constructor(
    private readonly documents: Documents<Consent>,
    private readonly ledger: RecordLog<LedgerLine>,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  /** Notes in the ledger what an abrupt stop cut (call once at start). */
  async open(): Promise<void> {
    for (const r of this.ledger.recovered) {
      const detail = `${r.bytes} bytes of an incomplete ledger line cut from ${r.file} after an abrupt stop`
      this.recovered.push(detail)
      this.logger?.warn('consent ledger recovered', { file: r.file, bytes: r.bytes })
      await this.ledger.append(LEDGER_PARTITION, {
        type: 'recovered',
        id: newId(),
        at: this.clock.now(),
        detail,
      })
    }
  }

  status(c: Consent): ConsentStatus {
    if (c.revokedAt !== undefined) return 'revoked'
    return c.validUntil <= this.clock.now() ? 'expired' : 'active'
  }

  async get(consentRef: string): Promise<Consent | undefined> {
    const known = (await this.documents.get(consentRef)) ?? this.recent.get(consentRef)
    if (known) return known
    for (const p of await this.ledger.partitions()) {
      if (p === LEDGER_PARTITION) continue
      const c = await this.find(p, (g) => g.id === consentRef)
      if (c) return c
    }
    return undefined
  }

  /** The consent if `clientID` holds it; undefined for another app's (object-level authorisation). */
  async heldBy(
    clientID: string,
    ref: { consentRef?: string; businessID?: string },
  ): Promise<Consent | undefined> {
    const id =
      ref.consentRef ?? (ref.businessID ? this.byBusiness.get(key(clientID, ref.businessID)) : undefined)
    let c = id ? ((await this.documents.get(id)) ?? this.recent.get(id)) : undefined
    // Consents that last a period (and revoked ones) are documents: the store answers by app and business ID.
    if (!c && !ref.consentRef && ref.businessID)
      c = (await this.documents.find({ where: { clientID, businessID: ref.businessID }, limit: 1 })).items[0]
    c ??= await this.find(clientID, (g) =>
      ref.consentRef ? g.id === ref.consentRef : g.businessID === ref.businessID,
    )
    return c?.clientID === clientID ? ((await this.documents.get(c.id)) ?? c) : undefined
  }

  /** A resident's consents, newest first (the last 50 releases, and every consent that lasts a period). */
  async ofResident(residentId: string): Promise<Consent[]> {
    if (!this.hydrated.has(residentId)) await this.hydrate(residentId)
    const stored = new Map((await findAll(this.documents, { residentId })).map((c) => [c.id, c]))
    const ids = new Set([...(this.byResident.get(residentId) ?? []), ...stored.keys()])
    return [...ids]
      .map((id) => stored.get(id) ?? this.recent.get(id))
      .filter((c): c is Consent => c !== undefined)
      .sort((a, b) => b.validFrom - a.validFrom || a.id.localeCompare(b.id))
  }

  /** The consent's history, oldest first (granted, every retrieval, revoked), read from the ledger. */
  async history(c: Consent): Promise<ConsentEvent[]> {
    const lines = await this.ledger.read(c.clientID, {
      limit: 1_000,
      scan: SCAN,
      filter: (l) => l.type !== 'recovered' && l.consentRef === c.id,
    })
    return lines.reverse().map((l) => {
      const { consent: _, ...event } = l as ConsentEvent & { consent?: Consent }
      return event
    })
  }

  /** Records a consent: on the ledger (and, when it lasts a period, as a document) before this resolves. */
  async grant(input: NewConsent): Promise<Consent> {
    const consent: Consent = { id: newId(), ...input }
    if (!isOneOff(consent)) await this.documents.put(consent)
    await this.append(consent, 'granted', consent.items, consent.validFrom, consent)
    this.remember(consent)
    return consent
  }

  /** A release of resident data: recorded before the platform answers (nothing released goes unrecorded). */
  async record(input: NewConsent | undefined): Promise<void> {
    if (input) await this.grant(input)
  }

  /** Revokes the resident's consent at once; undefined when it is not theirs or already revoked. */
  async revoke(consentRef: string, residentId: string): Promise<Consent | undefined> {
    const c = await this.get(consentRef)
    if (!c || c.residentId !== residentId || c.revokedAt !== undefined) return undefined
    const revoked: Consent = { ...c, revokedAt: this.clock.now() }
    // A revoked release becomes a document too (revocations are rare; its status must survive a restart).
    await this.documents.put(revoked)
    if (revoked.businessID) this.byBusiness.set(key(revoked.clientID, revoked.businessID), revoked.id)
    await this.append(revoked, 'revoked', [], revoked.revokedAt!)
    return revoked
  }

  /** Audit of one data-exchange retrieval: when, which data sets, by which app (the consent's holder). */
  async retrieved(c: Consent, sets: readonly string[]): Promise<ConsentEvent> {
    return this.append(c, 'retrieved', [...sets], this.clock.now())
  }

  /** Test clock: the app's consents still running come `ms` closer to their end (one-off ones have ended). */
  async shift(clientID: string, ms: number): Promise<unknown> {
    const now = this.clock.now()
    const running = (await findAll(this.documents, { clientID })).filter(
      (c) => c.revokedAt === undefined && c.validUntil > now,
    )
    return Promise.all(
      running.map((c) => this.documents.put({ ...c, validUntil: Math.max(c.validFrom, c.validUntil - ms) })),
    )
  }

  private async append(
    c: Consent,
    type: ConsentEventType,
    items: string[],
    at: number,
    consent?: Consent,
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
    await this.ledger.append(c.clientID, consent ? { ...e, consent } : e)
    return e
  }

  /** Bounded index of recent releases: the oldest leaves first. */
  private remember(c: Consent): void {
    this.recent.set(c.id, c)
    if (this.recent.size > RECENT) {
      const [oldId, old] = this.recent.entries().next().value as [string, Consent]
      this.recent.delete(oldId)
      if (old.businessID && this.byBusiness.get(key(old.clientID, old.businessID)) === oldId)
        this.byBusiness.delete(key(old.clientID, old.businessID))
    }
    if (c.businessID) this.byBusiness.set(key(c.clientID, c.businessID), c.id)
    const list = this.byResident.get(c.residentId) ?? []
    list.push(c.id)
    if (list.length > PER_RESIDENT) list.shift()
    this.byResident.set(c.residentId, list)
  }

  /** First look at a resident after a start: their latest releases from the ledger. */
  private async hydrate(residentId: string): Promise<void> {
    this.hydrated.add(residentId)
    if (this.hydrated.size > RECENT) this.hydrated.delete(this.hydrated.values().next().value!)
    const found: Consent[] = []
    for (const p of await this.ledger.partitions()) {
      if (p === LEDGER_PARTITION) continue
      for (const l of await this.ledger.read(p, {
        limit: PER_RESIDENT,
        scan: SCAN,
        filter: (x) => x.type === 'granted' && x.residentId === residentId && !!x.consent,
      }))
        found.push((l as { consent: Consent }).consent)
    }
    const known = new Set(this.byResident.get(residentId) ?? [])
    const older = found.filter((c) => !known.has(c.id)).sort((a, b) => a.validFrom - b.validFrom)
    const ids = [...older.map((c) => c.id), ...known].slice(-PER_RESIDENT)
    for (const c of older) this.recent.set(c.id, c)
    while (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!)
    this.byResident.set(residentId, ids)
  }

  private async find(clientID: string, match: (c: Consent) => boolean): Promise<Consent | undefined> {
    const [line] = await this.ledger.read(clientID, {
      limit: 1,
      scan: SCAN,
      filter: (l) => l.type === 'granted' && !!l.consent && match(l.consent),
    })
    const c = (line as { consent?: Consent } | undefined)?.consent
    return c && ((await this.documents.get(c.id)) ?? c)
  }
}

const key = (clientID: string, businessID: string): string => `${clientID}\u0000${businessID}`
