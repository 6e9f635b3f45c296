/** Sandbox API: read, replace and reset a resident's department records (the body round-trips: GET, edit, PUT). */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { Services } from '../../services'
import { NO_STORE, objectBody } from '../../http/json-body'
import type { DepartmentRecords } from './department.types'

/** `X-Sandbox-Records` says whether the records are the seeded ones or an edit. */
async function send(
  c: Context,
  s: Services,
  residentId: string,
  records: DepartmentRecords,
): Promise<Response> {
  const edited = await s.departments.updatedAt(residentId)
  return c.json(records, 200, {
    ...NO_STORE,
    'X-Sandbox-Records': edited === undefined ? 'generated' : 'edited',
    ...(edited === undefined ? {} : { 'Last-Modified': new Date(edited).toUTCString() }),
  })
}

export function departmentRecordsRoutes(s: Services): Hono {
  const r = new Hono()

  r.get('/residents/:id/department-records', async (c) => {
    const { resident } = await s.access.resident(c, c.req.param('id'), 'read')
    return send(c, s, resident.id, await s.departments.records(resident))
  })

  /** Replaces all four data sets; 422 problem+json with `errors` naming each bad field. */
  r.put('/residents/:id/department-records', async (c) => {
    const { resident } = await s.access.resident(c, c.req.param('id'), 'write')
    const records = await s.departments.replace(resident, await objectBody(c))
    return send(c, s, resident.id, records)
  })

  /** Back to the records generated from the seed. */
  r.delete('/residents/:id/department-records', async (c) => {
    const { resident } = await s.access.resident(c, c.req.param('id'), 'write')
    return send(c, s, resident.id, await s.departments.reset(resident))
  })

  return r
}
