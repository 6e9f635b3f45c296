/** The mock iAM Smart-Cert PKI: a TEST root and issuing CA, one leaf per iAM Smart+ resident, revocation and the CRL. */
import { bytesToHex } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../clock'
import type { Resident } from '../personas/resident.types'
import type { Node } from './asn1'
import { authorities, leafCertificate, randomSerial } from './profiles'
import { buildCrl } from './crl'
import { signDetached } from './cms'
import { certificateParts } from './certs'
import { importSigningKey, keyIdentifier, type KeyMaterial } from './keys'
import type { LeafRecord, PkiState, PkiStore } from './pki.store'
import { signDigestPkcs1 } from './raw-sign'

const DAY = 86_400_000
const CRL_VALIDITY_MS = 7 * DAY
/** A fresh CRL is cut once the cached one is this old, even without a change. */
const CRL_REFRESH_MS = DAY

export interface PkiOptions {
  store: PkiStore
  clock: Clock
  /** The sandbox's public base URL: CRL distribution point and AIA point at `${base}/pki/...`. */
  baseUrl: () => string
}

export type CertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: number } | { status: 'unknown' }

export class Pki {
  private readonly bySerial = new Map<string, LeafRecord>()
  private readonly issuing = new Map<string, Promise<LeafRecord>>()
  private readonly preparedKeys = new Map<string, Promise<KeyMaterial>>()
  private readonly signingKeys = new WeakMap<KeyMaterial, Promise<CryptoKey>>()
  private crlCache: { der: Uint8Array; at: number } | undefined
  private caName!: Node
  private caKeyId!: Uint8Array

  private constructor(
    private readonly o: PkiOptions,
    private state: PkiState,
  ) {
    for (const leaf of state.leaves) this.bySerial.set(leaf.serial, leaf)
  }

  /** Loads the PKI from its store, creating the root and issuing CA on first start. */
  static async open(o: PkiOptions): Promise<Pki> {
    let state = await o.store.load()
    if (!state) {
      const made = await authorities(o.store, new Date(o.clock.now()))
      state = { ...made, leaves: [], crlNumber: 0 }
      await o.store.save(state)
    }
    const pki = new Pki(o, state)
    pki.caName = certificateParts(state.ca.cert).subject
    pki.caKeyId = await keyIdentifier(state.ca.key.spki)
    return pki
  }

  get rootCert(): Uint8Array {
    return this.state.root.cert
  }
  get caCert(): Uint8Array {
    return this.state.ca.cert
  }
  get location(): string {
    return this.o.store.location
  }

  /** The resident's current (unrevoked, unexpired) certificate, if one was issued. */
  current(residentId: string): LeafRecord | undefined {
    const now = this.o.clock.now()
    return this.state.leaves.findLast((l) => l.residentId === residentId && !l.revokedAt && l.notAfter > now)
  }

  /** Starts generating the key of the resident's next certificate (off the event loop) while they decide. */
  prepare(residentId: string): void {
    if (this.current(residentId)) return
    const label = this.nextLabel(residentId)
    if (!this.preparedKeys.has(label)) {
      const key = this.o.store.newKey(label)
      key.catch(() => this.preparedKeys.delete(label))
      this.preparedKeys.set(label, key)
    }
  }

  /** The resident's certificate, issued on first use (and again after revocation or expiry). */
  async leafFor(resident: Resident): Promise<LeafRecord> {
    const existing = this.current(resident.id)
    if (existing) return existing
    let pending = this.issuing.get(resident.id)
    if (!pending) {
      pending = this.issue(resident).finally(() => this.issuing.delete(resident.id))
      this.issuing.set(resident.id, pending)
    }
    return pending
  }

  /** Hash signing: RSASSA-PKCS1-v1_5 over the given SHA-256 digest with the resident's key. */
  async signDigest(resident: Resident, digest: Uint8Array): Promise<{ signature: Uint8Array; cert: Uint8Array }> {
    const leaf = await this.leafFor(resident)
    return { signature: signDigestPkcs1(leaf.key.pkcs8, digest), cert: leaf.cert }
  }

  /** PDF signing: a detached CMS SignedData whose messageDigest is the given digest. */
  async signPdfDigest(resident: Resident, digest: Uint8Array, at: number): Promise<Uint8Array> {
    const leaf = await this.leafFor(resident)
    return signDetached({
      digest,
      signingTime: new Date(Math.floor(at / 1000) * 1000),
      signerCert: leaf.cert,
      signerKey: await this.signingKey(leaf.key),
      chain: [this.state.ca.cert, this.state.root.cert],
    })
  }

  /** Revokes the resident's current certificate; the next signature gets a new one. */
  async revoke(residentId: string): Promise<LeafRecord | undefined> {
    const leaf = this.current(residentId)
    if (!leaf) return undefined
    leaf.revokedAt = this.o.clock.now()
    this.crlCache = undefined
    await this.o.store.save(this.state)
    return leaf
  }

  status(serialHex: string): CertStatus {
    const leaf = this.bySerial.get(normaliseSerial(serialHex))
    if (!leaf) return { status: 'unknown' }
    return leaf.revokedAt !== undefined ? { status: 'revoked', revokedAt: leaf.revokedAt } : { status: 'good' }
  }

  /** The current CRL (DER), regenerated after each revocation and daily. */
  async crl(): Promise<Uint8Array> {
    const now = this.o.clock.now()
    if (this.crlCache && now - this.crlCache.at < CRL_REFRESH_MS && now >= this.crlCache.at) return this.crlCache.der
    this.state.crlNumber++
    const thisUpdate = new Date(Math.floor(now / 1000) * 1000)
    const der = await buildCrl(
      {
        issuer: this.caName,
        issuerKeyId: this.caKeyId,
        number: this.state.crlNumber,
        thisUpdate,
        nextUpdate: new Date(thisUpdate.getTime() + CRL_VALIDITY_MS),
        revoked: this.state.leaves
          .filter((l) => l.revokedAt !== undefined && l.notAfter > now)
          .map((l) => ({ serial: hexBytes(l.serial), at: new Date(Math.floor(l.revokedAt! / 1000) * 1000) })),
      },
      await this.signingKey(this.state.ca.key),
    )
    this.crlCache = { der, at: now }
    await this.o.store.save(this.state)
    return der
  }

  /** The CA's Web Crypto signing key (for OCSP responses). */
  caSigningKey(): Promise<CryptoKey> {
    return this.signingKey(this.state.ca.key)
  }

  private async issue(resident: Resident): Promise<LeafRecord> {
    const label = this.nextLabel(resident.id)
    const key = await (this.preparedKeys.get(label) ?? this.o.store.newKey(label))
    this.preparedKeys.delete(label)
    const now = this.o.clock.now()
    const serial = randomSerial()
    const cert = await leafCertificate({
      resident,
      serial,
      key,
      now: new Date(now),
      issuer: { name: this.caName, keyId: this.caKeyId, notAfter: certificateParts(this.state.ca.cert).notAfter },
      issuerKey: await this.signingKey(this.state.ca.key),
      baseUrl: this.o.baseUrl(),
    })
    const leaf: LeafRecord = {
      residentId: resident.id,
      serial: bytesToHex(serial),
      cert,
      key,
      issuedAt: now,
      notAfter: certificateParts(cert).notAfter.getTime(),
    }
    this.state.leaves.push(leaf)
    this.bySerial.set(leaf.serial, leaf)
    await this.o.store.save(this.state)
    return leaf
  }

  private nextLabel(residentId: string): string {
    return `leaf:${residentId}:${this.state.leaves.filter((l) => l.residentId === residentId).length}`
  }

  private signingKey(k: KeyMaterial): Promise<CryptoKey> {
    let key = this.signingKeys.get(k)
    if (!key) {
      key = importSigningKey(k.pkcs8)
      this.signingKeys.set(k, key)
    }
    return key
  }
}

export const normaliseSerial = (hex: string): string => hex.trim().toLowerCase().replace(/^(00)+(?=.)/, '')
const hexBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
