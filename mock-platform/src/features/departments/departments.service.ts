/** The departments' records per resident: generated from the seed unless edited through the sandbox API (stored). */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import type { Resident } from '../../personas/resident.types'
import type { Documents } from '../../store/documents'
import type { DataSet, DepartmentRecords } from './department.types'
import { generateRecords } from './generate-records'
import { pickRecords, recordsProblems } from './records.validate'

/** An edited resident's records (id = resident id); residents without one get the generated records. */
export interface StoredRecords extends DepartmentRecords {
  id: string
  updatedAt: number
}

export class DepartmentsService {
  constructor(
    private readonly edited: Documents<StoredRecords>,
    private readonly seed: () => number,
    private readonly clock: Clock,
  ) {}

  /** What the departments hold about `r`: the edited version, else the seeded one. */
  async records(r: Resident): Promise<DepartmentRecords> {
    const stored = await this.edited.get(r.id)
    if (!stored) return generateRecords(this.seed(), r)
    const { id: _id, updatedAt: _u, ...records } = structuredClone(stored)
    return records
  }

  /** Only the named data sets (the data exchange never reads any other). */
  async select(r: Resident, sets: readonly DataSet[]): Promise<Partial<DepartmentRecords>> {
    const all = await this.records(r)
    return Object.fromEntries(sets.map((set) => [set, all[set]])) as Partial<DepartmentRecords>
  }

  async updatedAt(residentId: string): Promise<number | undefined> {
    return (await this.edited.get(residentId))?.updatedAt
  }

  /** Replaces every data set (422 naming each bad field). */
  async replace(r: Resident, body: unknown): Promise<DepartmentRecords> {
    const problems = recordsProblems(body)
    if (Object.keys(problems).length > 0) {
      throw new ProblemError(422, 'Invalid department records', 'Fix the listed fields and try again.', {
        errors: problems,
      })
    }
    const records = pickRecords(body as Record<string, unknown>)
    await this.edited.put({ id: r.id, ...records, updatedAt: this.clock.now() })
    return records
  }

  /** Back to the seeded records. */
  async reset(r: Resident): Promise<DepartmentRecords> {
    await this.edited.delete(r.id)
    return this.records(r)
  }
}
