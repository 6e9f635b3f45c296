/** Staff work on one item: triage (PATCH), internal notes, suggestions (category, pages, similar), merge (leads). */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { NO_STORE, objectBody } from '../../http/json-body'
import { CANNED_ANSWERS } from './canned-answers'
import { suggestCategory } from './categorise'
import { suggestPages } from './portal-pages'
import { similar } from './similarity'
import { supportAccess } from './support-access'
import type { Enquiry, Item } from './support.types'
import { addNote, isLead, merge, triage } from './triage'
import { itemView } from './views'

export function triageRoutes(s: Services): Hono {
  const r = new Hono()
  const access = supportAccess(s)
  const item = async (c: Context, kind: 'enquiry' | 'application', action: string) => {
    if (kind === 'enquiry') {
      const { p, enquiry } = await access.enquiry(c, c.req.param('enquiryId')!, action)
      return { p: access.asStaff(p), item: enquiry as Item }
    }
    const { p, application } = await access.application(c, c.req.param('applicationId')!, action)
    return { p: access.asStaff(p), item: application as Item }
  }

  for (const [kind, path] of [
    ['enquiry', '/enquiries/:enquiryId'],
    ['application', '/applications/:applicationId'],
  ] as const) {
    r.patch(path, async (c) => {
      const { p, item: i } = await item(c, kind, `${kind}.update`)
      await triage(s.support, i, p, await objectBody(c))
      return c.json(await itemView(s.support, i, 'staff'), 200, NO_STORE)
    })

    r.post(`${path}/notes`, async (c) => {
      const { p, item: i } = await item(c, kind, `${kind}.note`)
      const note = await addNote(s.support, i, p, (await objectBody(c)).body)
      return c.json({ id: note.id, at: new Date(note.at).toISOString(), body: note.body }, 201, NO_STORE)
    })
  }

  /** What the console offers for an enquiry: a category, portal pages, canned answers and similar open enquiries. */
  r.get('/enquiries/:enquiryId/suggestions', async (c) => {
    const e = (await item(c, 'enquiry', 'enquiry.read')).item as Enquiry
    const requests = (await s.support.snapshots.get(e.id))?.items ?? []
    const text = `${e.subject} ${e.description}`
    const category = suggestCategory(text, requests)
    const codes = [...new Set(requests.map((x) => x.code).filter((code) => code !== 'D00000'))]
    const docOf = async (x: Enquiry) => {
      const reqCodes = ((await s.support.snapshots.get(x.id))?.items ?? []).map((i) => i.code).join(' ')
      return { id: x.id, text: `${x.subject} ${x.description} ${reqCodes}` }
    }
    const open = (await s.support.openEnquiries()).filter((x) => x.id !== e.id)
    const byId = new Map(open.map((x) => [x.id, x]))
    const matches = similar(await docOf(e), await Promise.all(open.map(docOf)))
    return c.json(
      {
        category,
        pages: suggestPages(
          e.category,
          codes,
          text,
          requests.flatMap((x) => x.diagnosis),
        ),
        cannedAnswers: CANNED_ANSWERS.filter(
          (a) => a.codes.some((code) => codes.includes(code)) || a.category === e.category,
        ).map((a) => a.id),
        similar: matches.map((m) => {
          const x = byId.get(m.id)!
          return {
            id: x.id,
            reference: x.reference,
            subject: x.subject,
            status: x.status,
            sameOrganisation: x.orgId === e.orgId,
            score: m.score,
            shared: m.shared,
          }
        }),
      },
      200,
      NO_STORE,
    )
  })

  r.post('/enquiries/:enquiryId/merge', async (c) => {
    const { p, item: source } = await item(c, 'enquiry', 'enquiry.merge')
    if (!isLead(p)) throw new ProblemError(403, 'Lead role required', 'Only a support lead merges enquiries.')
    const body = await objectBody(c)
    const target = typeof body.into === 'string' ? await s.support.enquiries.get(body.into) : undefined
    if (!target)
      throw new ProblemError(422, 'Invalid merge', 'Fix the listed fields and try again.', {
        errors: { into: 'must be the id of another enquiry' },
      })
    await access.audit(p, c, 'enquiry.merge', `enquiry:${target.id}`)
    const merged = await merge(s.support, source as Enquiry, target, p)
    return c.json(await itemView(s.support, merged, 'staff'), 200, NO_STORE)
  })

  return r
}
