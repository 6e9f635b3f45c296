/** Developer and staff accounts: sign-up, staff creation and seeding, and sign-in without user enumeration. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { contractProblems } from '../../http/contract-validator'
import { newId } from '../../ids'
import { type Documents, findAll } from '../../store/documents'
import { type Account, STAFF_ROLES, type StaffRole, type StaffSeed } from './account.types'
import { dummyHash, emailProblem, hashPassword, verifyPassword } from './password'

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

export class AccountsService {
  /** Writes of this process one after another: two sign-ups of one address at once cannot both create it. */
  private writing: Promise<unknown> = Promise.resolve()
  constructor(
    private readonly accounts: Documents<Account>,
    private readonly clock: Clock,
  ) {
    void dummyHash() // ready before the first sign-in with an unknown address, so it takes no longer
  }

  get(id: string): Promise<Account | undefined> {
    return this.accounts.get(id)
  }

  /** The account holding the address, asked of the store (the address is a top-level field). */
  async findByEmail(email: string): Promise<Account | undefined> {
    const normalised = normaliseEmail(email)
    return (await this.accounts.find({ where: { email: normalised }, limit: 1 })).items[0]
  }

  /** Every account, or those of one kind (queried by kind), oldest first. */
  async list(kind?: Account['kind']): Promise<Account[]> {
    return (await findAll(this.accounts, kind ? { kind } : undefined)).sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
  }

  /** Validates and creates an account; 422 naming each bad field, 409 when the email is taken. */
  async create(input: { email?: unknown; password?: unknown; role?: unknown }, kind: Account['kind']) {
    const email = validated(input, kind)
    const passwordHash = await hashPassword(input.password as string)
    return this.serially(async () => {
      if (await this.findByEmail(email))
        throw new ProblemError(409, 'Email already registered', 'Sign in instead, or use another address.')
      return this.put(this.newAccount(email, passwordHash, kind, input.role))
    })
  }

  /**
   * Developer sign-up that does not reveal whether the address is registered: 422 naming each bad field; then the
   * password is hashed either way (the same scrypt work), and a new account is created only when the address is
   * free. `existing` is the account already holding the address (the caller answers as for a new one).
   */
  async signUp(input: {
    email?: unknown
    password?: unknown
  }): Promise<{ account: Account; existing?: undefined } | { existing: Account; account?: undefined }> {
    const email = validated(input, 'developer')
    const passwordHash = await hashPassword(input.password as string)
    return this.serially(async () => {
      const existing = await this.findByEmail(email)
      if (existing) return { existing }
      return { account: await this.put(this.newAccount(email, passwordHash, 'developer')) }
    })
  }

  private newAccount(email: string, passwordHash: string, kind: Account['kind'], role?: unknown): Account {
    return {
      id: newId(),
      email,
      passwordHash,
      kind,
      ...(kind === 'staff' ? { staffRole: role as StaffRole } : {}),
      createdAt: this.clock.now(),
    }
  }

  /** Staff from configuration: created when missing, their role and password hash kept in step. */
  async seedStaff(seeds: readonly StaffSeed[]): Promise<void> {
    for (const s of seeds) {
      const email = normaliseEmail(s.email)
      if (emailProblem(email) || !STAFF_ROLES.includes(s.role) || !s.passwordHash.startsWith('scrypt$'))
        throw new Error(`invalid staff seed for ${JSON.stringify(s.email)}`)
      await this.serially(async () => {
        const existing = await this.findByEmail(email)
        if (existing && existing.kind !== 'staff') throw new Error(`${email} is a developer account`)
        await this.put({
          id: existing?.id ?? newId(),
          email,
          passwordHash: s.passwordHash,
          kind: 'staff',
          staffRole: s.role,
          createdAt: existing?.createdAt ?? this.clock.now(),
        })
      })
    }
  }

  /** The account when the password matches; undefined otherwise, after the same work either way. */
  async authenticate(email: unknown, password: unknown): Promise<Account | undefined> {
    const account = typeof email === 'string' ? await this.findByEmail(email) : undefined
    const ok = await verifyPassword(
      typeof password === 'string' ? password.slice(0, 1024) : '',
      account?.passwordHash ?? (await dummyHash()),
    )
    return ok && account ? account : undefined
  }

  private async put(account: Account): Promise<Account> {
    await this.accounts.put(account)
    return account
  }

  /** Each check-then-write after the one before (whatever its outcome). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work)
    this.writing = run.catch(() => {})
    return run
  }
}

/** The normalised email of a valid sign-up or staff creation; 422 naming each bad field. */
function validated(
  input: { email?: unknown; password?: unknown; role?: unknown },
  kind: Account['kind'],
): string {
  // The contract's (`SignUpRequest`, `StaffAccountRequest`): required fields, the password's and orgName's lengths,
  // the role. A refusal of a body says nothing of an account, so sign-up still answers a taken address as a new one.
  const problems = contractProblems('sandbox', kind === 'staff' ? 'createStaffAccount' : 'signUp', input)
  // By hand: the address's form (the contract names `format: email`, and formats are not checked by it).
  const emailIssue = emailProblem(input.email)
  if (emailIssue) problems.email ??= emailIssue
  if (Object.keys(problems).length > 0)
    throw new ProblemError(422, 'Invalid account', 'Fix the listed fields and try again.', {
      errors: problems,
    })
  return normaliseEmail(input.email as string)
}
