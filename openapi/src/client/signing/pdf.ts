/**
 * PDF signing on the e-Service side (reference §9): prepare a PDF with an empty signature field, compute the
 * `docDigest` of its byte ranges for `initiatePdfSigningRequest`, then embed the returned `pdfSignature` (a detached
 * CMS SignedData) unchanged. Uses pdf-lib for structure and Web Crypto for the digest: no Node-only API.
 */
import {
  PDFAcroSignature,
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFRef,
} from 'pdf-lib'
import { base64ToBytes, bytesToBase64, bytesToHex } from '../../codec'

/** Bytes reserved for the CMS container when no `signatureSize` is given (the mock's is about 3 KiB). */
export const DEFAULT_PDF_SIGNATURE_SIZE = 16_384

export interface PreparePdfOptions {
  /** Shown by PDF readers as the reason for signing. */
  reason?: string
  /** The signer's name as the e-Service knows it (readers show the certificate's subject too). */
  name?: string
  location?: string
  /** Bytes reserved for the DER CMS container (the hex placeholder is twice as long); default 16 384. */
  signatureSize?: number
  /** The signing time written to /M (default now); the CMS carries the platform's own signingTime. */
  signingTime?: Date
  /** Partial name of the new signature field; default `Signature<n>`, unique in the form. */
  fieldName?: string
}

export interface PreparedPdf {
  /** The PDF with a /Sig dictionary whose /Contents is a zero-filled hex placeholder and whose /ByteRange is final. */
  pdf: Uint8Array
  /** [0, a, b, end − b]: everything except the hex /Contents value `<…>` at [a, b). */
  byteRange: [number, number, number, number]
  /** Base64 SHA-256 over bytes [0, a) ∪ [b, end): the `docDigest` to send (44 characters). */
  docDigest: string
  /** The same digest as 64 lower-case hex characters. */
  docDigestHex: string
}

const BYTE_RANGE_MARK = '**********'
const ascii = (s: string) => new TextEncoder().encode(s)

/** First index of `needle` in `hay` at or after `from`, or −1. */
function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]
  const last = hay.length - needle.length
  outer: for (let i = hay.indexOf(first!, from); i !== -1 && i <= last; i = hay.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/** The only occurrence of `needle`, or a TypeError naming `what`. */
function only(hay: Uint8Array, needle: Uint8Array, what: string): number {
  const at = indexOf(hay, needle)
  if (at === -1) throw new TypeError(`the saved PDF has no ${what}`)
  if (indexOf(hay, needle, at + 1) !== -1) throw new TypeError(`the saved PDF has more than one ${what}`)
  return at
}

function uniqueFieldName(taken: Set<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`Signature${n}`)) return `Signature${n}`
}

/**
 * Adds an invisible signature field (AcroForm field + widget on the first page) whose value is a signature
 * dictionary `/Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached` with a `/Contents` placeholder of
 * `signatureSize` zero bytes, saves the whole document (a full rewrite: a PDF that already carries a signature is
 * refused, since rewriting would break it), writes the final `/ByteRange` and returns the digest to sign.
 *
 * @example
 * const prepared = await preparePdfForSigning(pdfBytes, { reason: 'Permit application' })
 * await client.initiatePdfSigningRequest({ ...common, docDigest: prepared.docDigest })
 * // …callback D00000 with pdfSignature…
 * const signed = embedPdfSignature(prepared, content.pdfSignature)
 */
export async function preparePdfForSigning(
  pdfBytes: Uint8Array,
  opts: PreparePdfOptions = {},
): Promise<PreparedPdf> {
  const size = opts.signatureSize ?? DEFAULT_PDF_SIGNATURE_SIZE
  if (!Number.isInteger(size) || size < 256 || size > 1_048_576)
    throw new RangeError('signatureSize must be an integer number of bytes between 256 and 1 048 576')
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false })
  const page = doc.getPages()[0]
  if (!page) throw new TypeError('the PDF has no page to carry the signature widget')

  const form = doc.catalog.getOrCreateAcroForm()
  const taken = new Set<string>()
  for (const [field] of form.getAllFields()) {
    if (field instanceof PDFAcroSignature && field.V() !== undefined)
      throw new TypeError(
        'the PDF is already signed: preparing it (a full rewrite) would invalidate that signature',
      )
    const name = field.getPartialName()
    if (name !== undefined) taken.add(name)
  }
  const fieldName = opts.fieldName ?? uniqueFieldName(taken)
  if (taken.has(fieldName)) throw new TypeError(`the PDF already has a field named "${fieldName}"`)

  const ctx = doc.context
  const byteRange = PDFArray.withContext(ctx)
  byteRange.push(PDFNumber.of(0))
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_MARK))
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('00'.repeat(size)),
    M: PDFString.fromDate(opts.signingTime ?? new Date()),
  })
  if (opts.reason !== undefined) sig.set(PDFName.of('Reason'), PDFHexString.fromText(opts.reason))
  if (opts.name !== undefined) sig.set(PDFName.of('Name'), PDFHexString.fromText(opts.name))
  if (opts.location !== undefined) sig.set(PDFName.of('Location'), PDFHexString.fromText(opts.location))
  const sigRef = ctx.register(sig)

  // One dictionary that is both the field and its widget; Rect [0 0 0 0] and F 132 (Print | Locked): invisible.
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    Rect: [0, 0, 0, 0],
    F: 132,
    P: page.ref,
    V: sigRef,
  })
  const widgetRef: PDFRef = ctx.register(widget)
  page.node.addAnnot(widgetRef)
  form.addField(widgetRef)
  form.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3))

  const pdf = await doc.save({ useObjectStreams: false, updateFieldAppearances: false })

  const marks = ascii(`[ 0 /${BYTE_RANGE_MARK} /${BYTE_RANGE_MARK} /${BYTE_RANGE_MARK} ]`)
  const rangeAt = only(pdf, marks, '/ByteRange placeholder')
  const a = only(pdf, ascii(`<${'00'.repeat(size)}>`), '/Contents placeholder')
  const b = a + 2 * size + 2
  const ranges: [number, number, number, number] = [0, a, b, pdf.length - b]
  const written = `[0 ${ranges[1]} ${ranges[2]} ${ranges[3]}`
  pdf.set(ascii(written.padEnd(marks.length - 1, ' ') + ']'), rangeAt)

  const signed = new Uint8Array(a + ranges[3])
  signed.set(pdf.subarray(0, a))
  signed.set(pdf.subarray(b), a)
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', signed))
  return { pdf, byteRange: ranges, docDigest: bytesToBase64(digest), docDigestHex: bytesToHex(digest) }
}

/**
 * Writes the platform's `pdfSignature` (Base64 DER CMS) into the `/Contents` placeholder of a prepared PDF, hex
 * encoded and zero padded, and returns the signed PDF (a new array; `prepared.pdf` is not changed). Throws a
 * RangeError when the container does not fit, naming the `signatureSize` to prepare with instead.
 */
export function embedPdfSignature(prepared: PreparedPdf, pdfSignatureBase64: string): Uint8Array {
  const [, a, b] = prepared.byteRange
  const { pdf } = prepared
  if (pdf[a] !== 0x3c || pdf[b - 1] !== 0x3e)
    throw new TypeError('prepared.pdf has no /Contents placeholder at prepared.byteRange')
  let cms: Uint8Array
  try {
    cms = base64ToBytes(pdfSignatureBase64.trim())
  } catch {
    throw new TypeError('pdfSignature is not Base64')
  }
  if (cms.length === 0 || cms[0] !== 0x30) throw new TypeError('pdfSignature is not a DER CMS container')
  const room = (b - a - 2) / 2
  if (cms.length > room)
    throw new RangeError(
      `the signature container is ${cms.length} bytes but the placeholder holds ${room}: ` +
        `prepare the PDF again with signatureSize ≥ ${cms.length} (e.g. ${Math.ceil((cms.length * 1.5) / 1024) * 1024}) and request a new signature`,
    )
  const out = pdf.slice()
  out.set(ascii(bytesToHex(cms)), a + 1)
  return out
}
