/** E-Service helpers for digital signing: prepare and embed PDF signatures, verify hash signatures (reference §9). */
export {
  DEFAULT_PDF_SIGNATURE_SIZE,
  embedPdfSignature,
  type PreparedPdf,
  type PreparePdfOptions,
  preparePdfForSigning,
} from './pdf'
export { type VerifyHashSignatureInput, type VerifyHashSignatureResult, verifyHashSignature } from './verify'
