/** Organisations and memberships: founding at sign-up, invitations by email, roles, the solo setting. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { newId } from '../../ids'
import { type Documents, findAll } from '../../store/documents'
import { emailProblem } from '../accounts'
import { contractProblems } from '../../http/contract-validator'
import { type Member, type MemberRole, type Org, type ProgrammeStatus, SANDBOX_ORG_ID } from './org.types'

export interface Membership {
  org: Org
  member: Member
}

export class OrgsService {
  constructor(
    private readonly orgs: Documents<Org>,
    private readonly clock: Clock,
  ) {}

  /** Creates the built-in sandbox organisation on first start. */
  async ensureBuiltIn(): Promise<void> {
    if (await this.orgs.get(SANDBOX_ORG_ID)) return
    await this.orgs.put({
      id: SANDBOX_ORG_ID,
      name: 'Sandbox',
      solo: true,
      builtIn: true,
      createdAt: this.clock.now(),
      members: [],
    })
  }

  get(id: string): Promise<Org | undefined> {
    return this.orgs.get(id)
  }

  /** Every organisation, oldest first. */
  async list(): Promise<Org[]> {
    return (await findAll(this.orgs)).sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
  }

  /** The organisation an account belongs to (one per account). */
  membershipOf(accountId: string): Promise<Membership | undefined> {
    return this.firstMember((m) => m.accountId === accountId)
  }

  /** A pending invitation for this address, if any organisation sent one. */
  invitationFor(email: string): Promise<Membership | undefined> {
    return this.firstMember((m) => !m.accountId && m.email === email)
  }

  /**
   * The first member matching, organisation by organisation a page at a time. Not a store query: members are an
   * array inside each organisation, and `find` answers equality on top-level fields only.
   */
  private async firstMember(match: (m: Member) => boolean): Promise<Membership | undefined> {
    let after: string | undefined
    do {
      const page = await this.orgs.find({ after })
      for (const org of page.items) {
        const member = org.members.find(match)
        if (member) return { org, member }
      }
      after = page.next
    } while (after !== undefined)
    return undefined
  }

  /** A new organisation with its founder as approver; solo (auto-approve) until someone else is invited. */
  async found(account: { id: string; email: string }, name: unknown): Promise<Membership> {
    if (name !== undefined && nameProblem(name)) invalid({ orgName: nameProblem(name)! })
    const orgName = name === undefined ? `${account.email.split('@')[0]}'s organisation` : String(name).trim()
    const now = this.clock.now()
    const member: Member = {
      id: newId(),
      email: account.email,
      role: 'approver',
      accountId: account.id,
      invitedAt: now,
      joinedAt: now,
    }
    const org: Org = { id: newId(), name: orgName, solo: true, createdAt: now, members: [member] }
    await this.orgs.put(org)
    return { org, member }
  }

  /** An empty organisation (admin): members are invited afterwards. */
  async create(input: { name?: unknown; solo?: unknown }): Promise<Org> {
    const problems: Record<string, string | undefined> = contractProblems('sandbox', 'createOrg', input)
    problems.name ??= nameProblem(input.name)
    invalid(problems)
    const org: Org = {
      id: newId(),
      name: String(input.name).trim(),
      solo: (input.solo as boolean | undefined) ?? false,
      createdAt: this.clock.now(),
      members: [],
    }
    await this.orgs.put(org)
    return org
  }

  /** The invited account joins the organisation that invited its address. */
  async join(m: Membership, accountId: string): Promise<Membership> {
    m.member.accountId = accountId
    m.member.joinedAt = this.clock.now()
    await this.orgs.put(m.org)
    return m
  }

  async update(org: Org, patch: { name?: unknown; solo?: unknown }): Promise<Org> {
    const problems: Record<string, string | undefined> = contractProblems('sandbox', 'updateOrg', patch)
    if (patch.name !== undefined) problems.name ??= nameProblem(patch.name)
    invalid(problems)
    const name = patch.name === undefined ? org.name : String(patch.name).trim()
    const next = { ...org, name, solo: (patch.solo as boolean | undefined) ?? org.solo }
    await this.orgs.put(next)
    return next
  }

  /** Invites an address; an existing account without an organisation (`accountId`) joins at once. */
  async invite(org: Org, input: { email?: unknown; role?: unknown }, accountId?: string): Promise<Member> {
    // The role's values are the contract's (InviteRequest); the address is checked here (formats are the features').
    const problems: Record<string, string | undefined> = contractProblems('sandbox', 'inviteMember', input)
    problems.email ??= emailProblem(input.email)
    const role = (input.role ?? 'creator') as MemberRole
    invalid(problems)
    const email = (input.email as string).trim().toLowerCase()
    if (org.members.some((m) => m.email === email))
      throw new ProblemError(409, 'Already a member', `${email} is already a member or invited.`)
    if (await this.invitationFor(email))
      throw new ProblemError(409, 'Already invited elsewhere', `${email} has a pending invitation.`)
    const now = this.clock.now()
    const member: Member = {
      id: newId(),
      email,
      role,
      invitedAt: now,
      ...(accountId ? { accountId, joinedAt: now } : {}),
    }
    // A team needs the four-eyes flow: inviting someone ends solo auto-approval (an approver may turn it back on).
    await this.orgs.put({ ...org, solo: false, members: [...org.members, member] })
    return member
  }

  async setRole(org: Org, memberId: string, role: unknown): Promise<Member> {
    invalid(contractProblems('sandbox', 'updateMember', { role }))
    const member = this.member(org, memberId)
    const next = { ...member, role: role as MemberRole }
    this.keepAnApprover(
      org,
      org.members.map((m) => (m.id === memberId ? next : m)),
    )
    await this.orgs.put({ ...org, members: org.members.map((m) => (m.id === memberId ? next : m)) })
    return next
  }

  async remove(org: Org, memberId: string): Promise<Member> {
    const member = this.member(org, memberId)
    const rest = org.members.filter((m) => m.id !== memberId)
    this.keepAnApprover(org, rest)
    await this.orgs.put({ ...org, members: rest })
    return member
  }

  /** The organisation's Sandbox Programme stage (support desk: an approved application moves it on). */
  async setProgrammeStatus(org: Org, status: ProgrammeStatus): Promise<Org> {
    const next = { ...org, programmeStatus: status }
    await this.orgs.put(next)
    return next
  }

  member(org: Org, memberId: string): Member {
    const member = org.members.find((m) => m.id === memberId)
    if (!member)
      throw new ProblemError(404, 'Member not found', `No member ${memberId} in this organisation.`)
    return member
  }

  /** Active members left without an approver could never approve a change again. */
  private keepAnApprover(org: Org, members: Member[]): void {
    const active = members.filter((m) => m.accountId)
    const had = org.members.some((m) => m.accountId && m.role === 'approver')
    if (had && active.length > 0 && !active.some((m) => m.role === 'approver'))
      throw new ProblemError(409, 'Last approver', 'An organisation keeps at least one active approver.')
  }
}

/** Not in the contract (its 1–120 counts spaces): a name of 1–120 characters once trimmed. */
export function nameProblem(name: unknown): string | undefined {
  const n = typeof name === 'string' ? name.trim() : ''
  return n.length < 1 || n.length > 120 ? 'must be 1–120 characters' : undefined
}

function invalid(problems: Record<string, string | undefined>): void {
  const errors = Object.fromEntries(Object.entries(problems).filter(([, p]) => p !== undefined))
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid organisation', 'Fix the listed fields and try again.', { errors })
}
