// Attachments: allowed types checked by content (not the declared type), 2 MB each, 5 per enquiry, clear problem+json.
import { describe, expect, it, vi } from 'vitest'
import { harness } from '../../../test/harness'
import { signUp } from '../../../test/session.fixtures'
import { sniff } from './attachments'
import { staff } from './support.fixtures'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1')
const file = (filename: string, bytes: Buffer | string, contentType?: string) => ({
  filename,
  data: Buffer.from(bytes).toString('base64'),
  ...(contentType ? { contentType } : {}),
})
const enquiry = (attachments: unknown[]) => ({ subject: 'Logs', description: 'See the files.', attachments })

describe('attachments', () => {
  it('sniffs the content: PNG, JPEG and PDF signatures, clean UTF-8 text, JSON', async () => {
    expect(await sniff(PNG)).toBe('png')
    expect(await sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg')
    expect(await sniff(PDF)).toBe('pdf')
    expect(await sniff(Buffer.from('line 1\nline 2\t香港\n'))).toBe('text')
    expect(await sniff(Buffer.from('{"code":"D20006"}'))).toBe('json')
    expect(await sniff(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeUndefined()
    expect(await sniff(Buffer.from([0xc3, 0x28]))).toBeUndefined()
  })

  it('accepts the allowed types and serves them back as downloads with their sniffed type', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@alpha.example')
    const agent = await staff(h, 'agent@support.example', 'agent')
    const e = await dev.json(
      '/support/v1/enquiries',
      'POST',
      enquiry([
        file('screen.png', PNG, 'image/png'),
        file('../../etc/report.pdf', PDF),
        file('trace.json', '{"txID":"x"}'),
        file('server.log', 'GET /api/v1/auth/getQR 200\n'),
      ]),
    )
    expect(
      e.attachments.map((a: { filename: string; contentType: string; size: number }) => [
        a.filename,
        a.contentType,
        a.size,
      ]),
    ).toEqual([
      ['screen.png', 'image/png', 16],
      ['report.pdf', 'application/pdf', PDF.length],
      ['trace.json', 'application/json; charset=utf-8', 12],
      ['server.log', 'text/plain; charset=utf-8', 27],
    ])
    const res = await agent.call(`/support/v1/enquiries/${e.id}/attachments/${e.attachments[1].id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    )
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true)
    // A fifth is accepted with a reply; a sixth is one too many.
    await dev.json(`/support/v1/enquiries/${e.id}/replies`, 'POST', {
      body: 'One more.',
      attachments: [file('more.txt', 'x')],
    })
    const sixth = await dev.call(`/support/v1/enquiries/${e.id}/replies`, 'POST', {
      body: 'And another.',
      attachments: [file('x.txt', 'x')],
    })
    expect(sixth.status).toBe(422)
    expect(await sixth.json()).toMatchObject({
      title: 'Too many attachments',
      detail: 'An enquiry holds at most 5 attachments (it has 5).',
    })
  })

  it('refuses other types, content that is not what its name says, and files over 2 MB, naming each', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@alpha.example')
    const stored = vi.spyOn(h.platform.services.support.blobs, 'put')
    const refuse = async (attachments: unknown[]) => {
      const res = await dev.call('/support/v1/enquiries', 'POST', enquiry(attachments))
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      return { status: res.status, body: await res.json() }
    }
    const types = await refuse([
      file('setup.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00])),
      file('photo.png', PDF),
      file('data.json', 'not json'),
      file('notes.txt', Buffer.from([0x00, 0x01, 0x02])),
      file('shot.png', PNG, 'image/gif'),
    ])
    expect(types.status).toBe(415)
    expect(types.body).toMatchObject({
      title: 'Attachment type not allowed',
      detail: 'Allowed: png, jpeg, pdf, txt, json, log, checked by content.',
    })
    expect(types.body.errors).toEqual({
      'attachments[0]': 'setup.exe: type not allowed (allowed: png, jpeg, pdf, txt, json, log)',
      'attachments[1]': 'photo.png: the content is pdf, not png (png, jpeg, pdf, txt, json, log)',
      'attachments[2]': 'data.json: the content is text, not json (png, jpeg, pdf, txt, json, log)',
      'attachments[3]': 'notes.txt: the content is binary data, not text (png, jpeg, pdf, txt, json, log)',
      'attachments[4]': 'shot.png: declared image/gif, but the content is image/png',
    })
    const big = await refuse([file('big.log', 'a'.repeat(2 * 1024 * 1024 + 1))])
    expect(big.status).toBe(413)
    expect(big.body).toMatchObject({
      title: 'Attachment too large',
      errors: { 'attachments[0]': 'big.log is 2.0 MB; the limit is 2 MB' },
    })
    const six = await refuse(Array.from({ length: 6 }, (_, i) => file(`f${i}.txt`, 'x')))
    expect(six).toMatchObject({ status: 422, body: { title: 'Too many attachments' } })
    const shape = await refuse([{ filename: 'x.txt', data: 'not base64!' }, { data: 'eA==' }])
    expect(shape).toMatchObject({
      status: 422,
      body: {
        title: 'Invalid attachment',
        errors: { 'attachments[0]': 'x.txt: data must be Base64', 'attachments[1]': 'needs a filename' },
      },
    })
    expect(await h.platform.services.support.enquiries.count()).toBe(0)
    expect(stored).not.toHaveBeenCalled()
  })

  it('refuses a body over the attachment route limit with 413 problem+json', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@alpha.example')
    const res = await dev.call('/support/v1/enquiries', 'POST', {
      subject: 'x',
      description: 'a'.repeat(15 * 1024 * 1024),
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ title: 'Body too large' })
    const small = await dev.call('/support/v1/targets', 'PUT', { holidays: ['x'.repeat(70 * 1024)] })
    expect(small.status).toBe(413)
  })
})
