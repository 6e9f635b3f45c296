/** Enquiries: providers file, read, answer, resolve, close and reopen theirs; staff read all (audited) and answer. */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Limiter } from '../../protocol/rate-limiter'
import type { Services } from '../../services'
import { NO_STORE, objectBody } from '../../http/json-body'
import { fileEnquiry, reply } from './enquiries.service'
import { listPage, QueryReader } from './query'
import { supportAccess } from './support-access'
import { CATEGORIES } from './support.types'
import { move } from './triage'
import { audienceOf, enquiryView } from './views'
import { findAll } from '../../store/documents'

/** Per account: 20 enquiries and 120 replies an hour (checklist #44: ticket submission). */
export const SUBMISSION_LIMITS = { enquiriesPerHour: 20, repliesPerHour: 120 }

export function enquiriesRoutes(s: Services): Hono {
  const r = new Hono()
  const access = supportAccess(s)
  const filings = s.limiter('enquiries', () => SUBMISSION_LIMITS.enquiriesPerHour, 3_600_000)
  const replies = s.limiter('enquiry-replies', () => SUBMISSION_LIMITS.repliesPerHour, 3_600_000)
  const limit = async (c: Context, limiter: Limiter, key: string) => {
    const wait = await limiter.hit(key)
    if (wait <= 0) return
    c.header('Retry-After', String(wait))
    throw new ProblemError(429, 'Too many submissions', `Try again in ${wait} seconds.`)
  }

  r.post('/enquiries', async (c) => {
    const p = await access.member(c)
    await limit(c, filings, p.accountId)
    const enquiry = await fileEnquiry(s.support, p, await objectBody(c))
    return c.json(await enquiryView(s.support, enquiry, 'provider'), 201, NO_STORE)
  })

  r.get('/enquiries', async (c) => {
    const p = await access.principal(c)
    const q = new QueryReader(c)
    const wanted = q.statuses()
    const category = q.list('category', CATEGORIES)
    const clientID = q.text('clientID', 64)
    // The organisation, the app and a single category are asked of the store; lists are filtered here.
    const where = {
      ...(p.kind === 'member' ? { orgId: p.orgId } : {}),
      ...(clientID ? { clientID } : {}),
      ...(category?.length === 1 ? { category: category[0] } : {}),
    }
    const items = (await findAll(s.support.enquiries, where)).filter(
      (e) => (!wanted || wanted.includes(e.status)) && (!category || category.includes(e.category)),
    )
    const read = () => access.audit(p, c, 'enquiry.list', 'enquiries')
    const list = await listPage(items, q, read, (e) => enquiryView(s.support, e, audienceOf(p)))
    return c.json(list, 200, NO_STORE)
  })

  r.get('/enquiries/:enquiryId', async (c) => {
    const { p, enquiry } = await access.enquiry(c, c.req.param('enquiryId'))
    return c.json(await enquiryView(s.support, enquiry, audienceOf(p)), 200, NO_STORE)
  })

  r.post('/enquiries/:enquiryId/replies', async (c) => {
    const { p, enquiry } = await access.enquiry(c, c.req.param('enquiryId'), 'enquiry.reply')
    await limit(c, replies, p.kind === 'admin' ? 'admin' : p.accountId)
    await reply(s.support, enquiry, p, await objectBody(c))
    return c.json(await enquiryView(s.support, enquiry, audienceOf(p)), 201, NO_STORE)
  })

  for (const action of ['resolve', 'close', 'reopen'] as const) {
    r.post(`/enquiries/:enquiryId/${action}`, async (c) => {
      const { p, enquiry } = await access.enquiry(c, c.req.param('enquiryId'), `enquiry.${action}`)
      await move(s.support, enquiry, p, action)
      return c.json(await enquiryView(s.support, enquiry, audienceOf(p)), 200, NO_STORE)
    })
  }

  /** The bytes as stored (text attachments HKID-masked), always as a download, never rendered inline. */
  r.get('/enquiries/:enquiryId/attachments/:attachmentId', async (c) => {
    const { enquiry } = await access.enquiry(c, c.req.param('enquiryId'), 'attachment.read')
    const meta = enquiry.attachments.find((a) => a.id === c.req.param('attachmentId'))
    const blob = meta && (await s.support.blobs.get(meta.id))
    if (!meta || !blob)
      throw new ProblemError(404, 'Attachment not found', `No such attachment on ${enquiry.reference}.`)
    const ascii = meta.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
    return c.body(new Uint8Array(blob), 200, {
      'Content-Type': meta.contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'no-store',
    })
  })

  /** The attached requests as the inspector showed them when filed (secrets masked); each staff read audited. */
  r.get('/enquiries/:enquiryId/requests', async (c) => {
    const { p, enquiry } = await access.enquiry(c, c.req.param('enquiryId'))
    const items = (await s.support.snapshots.get(enquiry.id))?.items ?? []
    for (const item of items)
      await access.audit(p, c, 'request.read', `request:${item.clientID}/${item.txID}`)
    return c.json({ items }, 200, NO_STORE)
  })

  return r
}
