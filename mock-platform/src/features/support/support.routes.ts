/** The support API (/support/v1): enquiries, applications, staff triage, dashboard, audit, mail; body limits per route. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import { bodyLimit } from '../../protocol/body-limit'
import type { Services } from '../../services'
import { applicationsRoutes } from './applications.routes'
import { enquiriesRoutes } from './enquiries.routes'
import { staffRoutes } from './staff.routes'
import { LIMITS } from './support.types'
import { triageRoutes } from './triage.routes'

/** Base64 attachments: five of 2 MB each, a third larger encoded, plus the text. */
export const ATTACHMENT_BODY_LIMIT =
  Math.ceil((LIMITS.attachmentsPerEnquiry * LIMITS.attachmentBytes * 4) / 3) + 64 * 1024
/** Applications carry two certificates and long texts. */
export const APPLICATION_BODY_LIMIT = 256 * 1024

/** `mail`: the notifications' mail API (app.ts passes it in), under the same body limits. */
export function supportRoutes(s: Services, mail: Hono): Hono {
  const r = new Hono()
  const tooLarge = (limit: number) => () => {
    throw new ProblemError(413, 'Body too large', `The body may be at most ${limit} bytes.`)
  }
  const files = bodyLimit(ATTACHMENT_BODY_LIMIT, tooLarge(ATTACHMENT_BODY_LIMIT))
  const applications = bodyLimit(APPLICATION_BODY_LIMIT, tooLarge(APPLICATION_BODY_LIMIT))
  const json = bodyLimit(s.config.bodyLimitBytes, tooLarge(s.config.bodyLimitBytes))
  r.use('*', (c, next) => {
    const path = c.req.path.replace(/^\/support\/v1/, '')
    if (/^\/enquiries(\/[^/]+\/replies)?$/.test(path)) return files(c, next)
    if (/^\/applications(\/[^/]+)?$/.test(path)) return applications(c, next)
    return json(c, next)
  })
  r.use('*', async (_, next) => {
    await s.support.targets.ready()
    await next()
  })
  r.route('/', enquiriesRoutes(s))
  r.route('/', triageRoutes(s))
  r.route('/', applicationsRoutes(s))
  r.route('/', staffRoutes(s))
  r.route('/', mail)
  return r
}
