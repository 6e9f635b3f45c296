/** POST /callback: the platform's server-to-server result. Decrypt, match businessID + state, apply once, 2xx. */
import type { CallbackBody, IamSmartResult } from '@iamsmart-sandbox/openapi/client'
import { embedPdfSignature } from '@iamsmart-sandbox/openapi/signing'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import { Hono } from 'hono'
import { codeOf, type Ctx } from '../context'
import { emeToForm, type EmeData } from '../eme'
import { type FormField, sessionContext } from '../session'
import { newId, type Task } from '../store'

type PdfSigningCallbackContent = components['schemas']['PdfSigningCallbackContent']

export function callbackRoutes(x: Ctx): Hono {
  const r = new Hono()
  r.post('/callback', async (c) => {
    const body = await c.req.json<CallbackBody>().catch(() => undefined)
    if (!body || typeof body !== 'object') return c.body(null, 400)
    // secretKey unwrapped with our KEK private key, content decrypted with that CEK (a failure still names the request).
    const result = await x.client.decryptCallback(body)
    const content = result.ok
      ? result.data
      : result.error.kind === 'platform'
        ? result.error.content
        : undefined
    const { businessID, state } = (content ?? {}) as { businessID?: unknown; state?: unknown }
    const task = typeof businessID === 'string' ? x.store.tasks.get(businessID) : undefined
    // Anyone with our public KEK could build a callback: only one answering a request we made, with its state, counts.
    if (!task || task.state !== state) return c.body(null, content === undefined ? 400 : 404)
    if (task.status === 'done') return c.body(null, 204) // a retry of a callback already applied
    const code = result.ok ? 'D00000' : codeOf(result.error)
    x.store.log(task.sessionId, {
      kind: 'event',
      title: `Callback received (${task.kind}), decrypted, businessID and state verified`,
      code,
      txID: body.txID,
      detail: task.businessID,
    })
    await sessionContext.run(task.sessionId, () => apply(x, task, result))
    return c.body(null, 204)
  })
  return r
}

async function apply(x: Ctx, task: Task, result: IamSmartResult<unknown>): Promise<void> {
  if (!result.ok) {
    Object.assign(task, { status: 'failed', code: codeOf(result.error) })
    return
  }
  const session = x.sessions.get(task.sessionId)
  if (task.kind === 'eme' && session) {
    const values = emeToForm(result.data as EmeData)
    Object.assign(session.form.values, values)
    const released = Object.keys(values) as FormField[]
    session.form.fromIamSmart = [...new Set([...session.form.fromIamSmart, ...released])]
    session.form.saved = false
    x.store.log(task.sessionId, {
      kind: 'event',
      title: 'Form filled from e-ME',
      detail: released.join(', ') || '(nothing released)',
    })
  } else if (task.kind === 'pdfsigning' && task.prepared) {
    const { docDigest, pdfSignature } = result.data as PdfSigningCallbackContent
    const ours = docDigest === task.prepared.docDigest && typeof pdfSignature === 'string'
    let bytes: Uint8Array | undefined
    try {
      bytes = ours ? embedPdfSignature(task.prepared, pdfSignature) : undefined
    } catch {
      bytes = undefined
    }
    // ackResult tells the platform whether we kept the signature.
    const ack = await x.client.ackSigningResult({
      businessID: task.businessID,
      signingResult: bytes ? 'SUCCESS' : 'FAIL',
    })
    if (!bytes || !ack.ok) {
      Object.assign(task, { status: 'failed', code: ack.ok ? 'NOT_OUR_DOCUMENT' : codeOf(ack.error) })
      return
    }
    const id = newId()
    x.store.documents.set(id, {
      id,
      name: `application-${task.businessID}.pdf`,
      bytes,
      sessionId: task.sessionId,
      signedAt: x.now(),
    })
    task.documentId = id
    x.store.log(task.sessionId, {
      kind: 'event',
      title: 'Signature embedded in the PDF, ready to download',
      detail: `${bytes.length} bytes`,
    })
  }
  task.status = 'done'
  task.code = 'D00000'
}
