/** The mock iAM Smart-Cert PKI: a TEST root and issuing CA, one leaf per iAM Smart+ resident, revocation and the CRL. */
import { bytesToHex } from '@iamsmart-sandbox/openapi/codec'
import type { RelativeDistinguishedNames } from 'pkijs'
import type { Clock } from '../clock'
import type { Resident } from '../personas/resident.types'
import { authorities, leafCertificate, randomSerial } from './profiles'
import { buildCrl, CRL_REFRESH_MS, CRL_VALIDITY_MS, revokedEntries } from './crl'
import { signDetached } from './cms'
import { der, readCertificate } from './certs'
import { importSigningKey, keyIdentifier, type KeyMaterial } from './keys'
import type { LeafRecord, PkiState, PkiStore } from './pki.store'
import { signDigestPkcs1 } from './raw-sign'

export interface PkiOptions {
  store: PkiStore
  clock: Clock
  /** The sandbox's public base URL: CRL distribution point and AIA point at `${base}/pki/...`. */
  baseUrl: () => string
}

export type CertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: number } | { status: 'unknown' }

interface Loaded {
  state: PkiState
  caName: RelativeDistinguishedNames
  caKeyId: Uint8Array
  caNotAfter: Date
}

export class Pki {
  /** Resolves once the CA is loaded or created: startup does not wait for key generation, every operation does. */
  readonly ready: Promise<void>
  private loaded: Loaded | undefined
  private readonly bySerial = new Map<string, LeafRecord>()
  private readonly issuing = new Map<string, Promise<LeafRecord>>()
  private readonly preparedKeys = new Map<string, Promise<KeyMaterial>>()
  private readonly signingKeys = new WeakMap<KeyMaterial, Promise<CryptoKey>>()
  private crlCache: { der: Uint8Array; at: number } | undefined

  constructor(private readonly o: PkiOptions) {
    this.ready = this.load()
    this.ready.catch(() => {})
  }

  /** A PKI whose CA is ready. */
  static async open(o: PkiOptions): Promise<Pki> {
    const pki = new Pki(o)
    await pki.ready
    return pki
  }

  /** Loads the PKI from its store, creating the root and issuing CA on first start. */
  private async load(): Promise<void> {
    let state = await this.o.store.load()
    if (!state) {
      const made = await authorities(this.o.store, new Date(this.o.clock.now()))
      state = { ...made, leaves: [], crlNumber: 0 }
      await this.o.store.save(state)
      // A shared store (hosted mode) keeps the first CA written: an instance that lost the race at first start uses it.
      state = (await this.o.store.load()) ?? state
    }
    for (const leaf of state.leaves) this.bySerial.set(leaf.serial, leaf)
    const ca = readCertificate(state.ca.cert)
    this.loaded = {
      state,
      caName: ca.subject,
      caKeyId: await keyIdentifier(state.ca.key.spki),
      caNotAfter: ca.notAfter.value,
    }
  }

  private get l(): Loaded {
    if (!this.loaded) throw new Error('the PKI is still starting: await pki.ready')
    return this.loaded
  }

  get rootCert(): Uint8Array {
    return this.l.state.root.cert
  }
  get caCert(): Uint8Array {
    return this.l.state.ca.cert
  }
  /** The issuing CA's Name (DER), key identifier (SHA-1 of its public key) and public key, for OCSP. */
  get issuer(): { name: Uint8Array; keyId: Uint8Array; spki: Uint8Array } {
    return { name: der(this.l.caName), keyId: this.l.caKeyId, spki: this.l.state.ca.key.spki }
  }
  get location(): string {
    return this.o.store.location
  }

  /** The resident's current (unrevoked, unexpired) certificate, if one was issued. */
  current(residentId: string): LeafRecord | undefined {
    const now = this.o.clock.now()
    return this.l.state.leaves.findLast(
      (l) => l.residentId === residentId && !l.revokedAt && l.notAfter > now,
    )
  }

  /** Starts generating the key of the resident's next certificate (off the event loop) while they decide. */
  prepare(residentId: string): void {
    if (!this.loaded) {
      void this.ready.then(() => this.prepare(residentId))
      return
    }
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
    await this.ready
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
  async signDigest(
    resident: Resident,
    digest: Uint8Array,
  ): Promise<{ signature: Uint8Array; cert: Uint8Array }> {
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
      chain: [this.l.state.ca.cert, this.l.state.root.cert],
    })
  }

  /** Revokes the resident's current certificate; the next signature gets a new one. */
  async revoke(residentId: string): Promise<LeafRecord | undefined> {
    await this.ready
    const leaf = this.current(residentId)
    if (!leaf) return undefined
    leaf.revokedAt = this.o.clock.now()
    this.crlCache = undefined
    await this.o.store.save(this.l.state)
    return leaf
  }

  status(serialHex: string): CertStatus {
    const leaf = this.bySerial.get(normaliseSerial(serialHex))
    if (!leaf) return { status: 'unknown' }
    return leaf.revokedAt !== undefined
      ? { status: 'revoked', revokedAt: leaf.revokedAt }
      : { status: 'good' }
  }

  /** The current CRL (DER), regenerated after each revocation and daily. */
  async crl(): Promise<Uint8Array> {
    await this.ready
    const now = this.o.clock.now()
    if (this.crlCache && now - this.crlCache.at < CRL_REFRESH_MS && now >= this.crlCache.at)
      return this.crlCache.der
    this.l.state.crlNumber++
    const thisUpdate = new Date(Math.floor(now / 1000) * 1000)
    const der = await buildCrl(
      {
        issuer: this.l.caName,
        issuerKeyId: this.l.caKeyId,
        number: this.l.state.crlNumber,
        thisUpdate,
        nextUpdate: new Date(thisUpdate.getTime() + CRL_VALIDITY_MS),
        revoked: revokedEntries(this.l.state.leaves, now),
      },
      await this.signingKey(this.l.state.ca.key),
    )
    this.crlCache = { der, at: now }
    await this.o.store.save(this.l.state)
    return der
  }

  /** The CA's Web Crypto signing key (for OCSP responses). */
  async caSigningKey(): Promise<CryptoKey> {
    await this.ready
    return this.signingKey(this.l.state.ca.key)
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
      issuer: { name: this.l.caName, keyId: this.l.caKeyId, notAfter: this.l.caNotAfter },
      issuerKey: await this.signingKey(this.l.state.ca.key),
      baseUrl: this.o.baseUrl(),
    })
    const leaf: LeafRecord = {
      residentId: resident.id,
      serial: bytesToHex(serial),
      cert,
      key,
      issuedAt: now,
      notAfter: readCertificate(cert).notAfter.value.getTime(),
    }
    this.l.state.leaves.push(leaf)
    this.bySerial.set(leaf.serial, leaf)
    await this.o.store.save(this.l.state)
    return leaf
  }

  private nextLabel(residentId: string): string {
    return `leaf:${residentId}:${this.l.state.leaves.filter((l) => l.residentId === residentId).length}`
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

export const normaliseSerial = (hex: string): string =>
  hex
    .trim()
    .toLowerCase()
    .replace(/^(00)+(?=.)/, '')
