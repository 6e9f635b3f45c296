/** The filled-in application as a one-page PDF (pdf-lib), ready for preparePdfForSigning. */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import { FORM_FIELDS, type FormField } from './session'

const LABELS: Record<FormField, string> = {
  title: 'Title',
  name: 'Name',
  email: 'Email',
  mobile: 'Mobile',
  address: 'Residential address',
}

/** The standard fonts cover Latin-1 only: anything else (a Chinese address) is written as "?" in this sample. */
const latin1 = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?')

export async function applicationPdf(o: {
  reference: string
  account: string
  values: Partial<Record<FormField, string>>
  fromIamSmart: FormField[]
  now: Date
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(`Application ${o.reference}`)
  doc.setProducer('osp-web sample (iAM Smart Developer Sandbox)')
  const page = doc.addPage([595, 842])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const green = rgb(0.17, 0.45, 0.4)
  page.drawText('Sample Permit Office', { x: 50, y: 780, size: 20, font: bold, color: green })
  page.drawText(`Application ${o.reference} (synthetic, for testing)`, { x: 50, y: 752, size: 12, font })
  page.drawText(`Account ${o.account} · ${o.now.toISOString()}`, { x: 50, y: 734, size: 10, font })
  let y = 690
  for (const f of FORM_FIELDS) {
    page.drawText(LABELS[f], { x: 50, y, size: 11, font: bold })
    const mark = o.fromIamSmart.includes(f) ? '  [from iAM Smart]' : ''
    page.drawText(latin1(`${o.values[f] ?? ''}${mark}`).slice(0, 90), { x: 190, y, size: 11, font })
    y -= 24
  }
  page.drawText('Signed with iAM Smart (sandbox mock certificate: not legally binding).', {
    x: 50,
    y: y - 20,
    size: 9,
    font,
    color: rgb(0.4, 0.4, 0.4),
  })
  return doc.save()
}
