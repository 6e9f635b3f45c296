/** The residents API: list and search, read, create, edit, delete and reset synthetic residents, scoped by organisation. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import { formatHkid, parseHkid } from '../../personas/hkid'
import type { Services } from '../../services'
import { auditStaffRead } from '../access'
import { NO_STORE, objectBody } from '../../http/json-body'
import type { StoredResident } from './residents.service'

export function residentsRoutes(s: Services): Hono {
  const r = new Hono()

  /** Search by `q` (name, id or HKID), `hkid`, `tier` and `tag`; paged with `limit` and `offset`. */
  r.get('/residents', async (c) => {
    const p = await s.access.principal(c)
    const { q, hkid, tier, tag } = c.req.query()
    const limit = count(c.req.query('limit'), 'limit', 1, 1000) ?? 1000
    const offset = count(c.req.query('offset'), 'offset', 0, 1_000_000) ?? 0
    const wanted = hkid ? parseHkid(hkid) : undefined
    if (hkid && !wanted)
      throw new ProblemError(400, 'Invalid hkid', 'Give an HKID such as QA123456(3) or QA123456.')
    const needle = (q ?? '').trim().toLowerCase()
    // Free text (q) and tags are matched here: the store answers equality on top-level fields only.
    const rows = (await s.residents.visible(s.access.viewer(p))).filter(
      (x) =>
        (!needle || searchText(x).includes(needle)) &&
        (!wanted ||
          (x.profile.idNo.Identification === wanted.Identification &&
            (!wanted.CheckDigit || x.profile.idNo.CheckDigit === wanted.CheckDigit))) &&
        (!tier || x.tier === tier) &&
        (!tag || x.tags.includes(tag)),
    )
    const searched = new URLSearchParams(
      Object.entries({ q, hkid, tier, tag }).filter((e): e is [string, string] => e[1] !== undefined),
    ).toString()
    await auditStaffRead(s.audit, p, c, 'resident.search', `residents:${searched || '*'}`)
    return c.json(
      { items: rows.slice(offset, offset + limit).map(residentRow), total: rows.length },
      200,
      NO_STORE,
    )
  })

  /** Members add residents owned by their organisation; the admin token adds shared ones. */
  r.post('/residents', async (c) => {
    const p = await s.access.principal(c)
    if (p.kind === 'staff') throw new ProblemError(403, 'Staff accounts are read-only', 'Ask a member.')
    const member = p.kind === 'member' // members are held to RESIDENTS_PER_ORG; the admin adds shared residents
    const created = await s.residents.create(
      await objectBody(c),
      member ? p.orgId : undefined,
      member ? s.config.residentsPerOrg : undefined,
    )
    return c.json(residentView(created), 201, NO_STORE)
  })

  /** Admin: shared residents back to the seed. Member: the organisation's residents removed (the seed has none). */
  r.post('/residents/reset', async (c) => {
    const p = await s.access.principal(c)
    if (p.kind === 'staff') throw new ProblemError(403, 'Staff accounts are read-only', 'Ask a member.')
    if (p.kind === 'admin')
      return c.json({ scope: 'shared', count: await s.residents.resetShared() }, 200, NO_STORE)
    return c.json({ scope: 'organisation', count: await s.residents.resetOrg(p.orgId) }, 200, NO_STORE)
  })

  r.get('/residents/:id', async (c) => {
    const { principal, resident } = await s.access.resident(c, c.req.param('id'), 'read')
    await auditStaffRead(s.audit, principal, c, 'resident.read', `resident:${resident.id}`)
    return c.json(residentView(resident), 200, NO_STORE)
  })

  r.patch('/residents/:id', async (c) => {
    const { resident } = await s.access.resident(c, c.req.param('id'), 'write')
    return c.json(residentView(await s.residents.update(resident, await objectBody(c))), 200, NO_STORE)
  })

  r.delete('/residents/:id', async (c) => {
    const { resident } = await s.access.resident(c, c.req.param('id'), 'write')
    await s.residents.delete(resident)
    return c.body(null, 204)
  })

  /** A seeded resident back to its seed version (admin, since only the admin edits shared residents). */
  r.post('/residents/:id/reset', async (c) => {
    const { resident } = await s.access.resident(c, c.req.param('id'), 'write')
    return c.json(residentView(await s.residents.reset(resident)), 200, NO_STORE)
  })

  return r
}

function count(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new ProblemError(400, `Invalid ${name}`, `${name} is a whole number from ${min} to ${max}.`)
  return n
}

const searchText = (x: StoredResident): string =>
  [
    x.id,
    x.profile.enName.UnstructuredName,
    x.profile.chName?.ChineseName ?? '',
    formatHkid(x.profile.idNo),
    x.profile.idNo.Identification + x.profile.idNo.CheckDigit,
  ]
    .join('\n')
    .toLowerCase()

/** One line of the list (the persona table's columns). */
export const residentRow = (x: StoredResident) => ({
  id: x.id,
  hkid: formatHkid(x.profile.idNo),
  tier: x.tier,
  englishName: x.profile.enName.UnstructuredName,
  chineseName: x.profile.chName?.ChineseName ?? null,
  decision: x.behaviour.decision,
  outcome: x.magic?.outcome ?? null,
  tags: x.tags,
  orgId: x.orgId ?? null,
})

/** The whole resident as the platform serves it, with its owner and last change. */
export const residentView = (x: StoredResident) => ({
  id: x.id,
  tier: x.tier,
  profile: x.profile,
  eme: x.eme,
  behaviour: x.behaviour,
  tags: x.tags,
  magic: x.magic ?? null,
  orgId: x.orgId ?? null,
  updatedAt: x.updatedAt !== undefined ? new Date(x.updatedAt).toISOString() : null,
})
