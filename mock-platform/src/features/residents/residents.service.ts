/** The synthetic residents the platform serves, stored as data (seeded once from the fixed seed). */
import type { Resident } from '../../personas/resident.types'
import type { Collection } from '../../store/collection'

export class ResidentsService {
  private byHkid = new Map<string, Resident>()
  constructor(private readonly residents: Collection<Resident>) {
    this.reindex()
  }

  /** Fills an empty store with the seeded residents. */
  async seed(initial: () => Resident[]): Promise<void> {
    if (this.residents.list().length === 0) await this.residents.replaceAll(initial())
    this.reindex()
  }

  get(id: string): Resident | undefined {
    return this.residents.get(id)
  }

  list(): Resident[] {
    return this.residents.list()
  }

  /** By id, or by HKID with or without the check digit and parentheses (e.g. "QA123456(7)", "QA1234567", "QA123456"). */
  find(idOrHkid: string): Resident | undefined {
    const direct = this.residents.get(idOrHkid)
    if (direct) return direct
    const m = /^([A-Z]{1,2}\d{6})\(?([0-9A])?\)?$/.exec(idOrHkid.trim().toUpperCase())
    if (!m) return undefined
    const r = this.byHkid.get(m[1]!)
    if (r && m[2] && r.profile.idNo.CheckDigit !== m[2]) return undefined
    return r
  }

  private reindex(): void {
    this.byHkid = new Map(this.residents.list().map((r) => [r.profile.idNo.Identification, r]))
  }
}
