/** An enquiry's text and files: files read for upload (Base64 in JSON), listed for download. */
import Translate, { translate } from '@docusaurus/Translate'
import { SUPPORT_API } from '../shared/api'
import type { AttachmentUpload, Enquiry } from '../shared/types'
import ui from '../shared/ui.module.css'
import styles from './support.module.css'

/** Reads a browser File as standard Base64 (no data: prefix), for an AttachmentUpload. */
export function fileToUpload(file: File): Promise<AttachmentUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.onload = () => {
      const url = String(reader.result)
      resolve({ filename: file.name, data: url.slice(url.indexOf(',') + 1) })
    }
    reader.readAsDataURL(file)
  })
}

/** The enquiry's files, each a download link with its size (for staff also its type and whether HKIDs were masked). */
function AttachmentList({ enquiry, staff = false }: { enquiry: Enquiry; staff?: boolean }) {
  if (enquiry.attachments.length === 0) return null
  return (
    <ul aria-label={translate({ id: 'support.files', message: 'Files' })}>
      {enquiry.attachments.map((a) => (
        <li key={a.id}>
          <a href={`${SUPPORT_API}/enquiries/${enquiry.id}/attachments/${a.id}`} download>
            {a.filename}
          </a>{' '}
          ({staff ? `${a.contentType}, ` : ''}
          {a.size} B
          {staff && a.masked ? `, ${translate({ id: 'support.hkidMasked', message: 'HKID masked' })}` : ''})
        </li>
      ))}
    </ul>
  )
}

/** The provider's description, the request ids they attached (staff see those calls on their own) and the files. */
export function EnquiryText({ enquiry, staff = false }: { enquiry: Enquiry; staff?: boolean }) {
  return (
    <div className={ui.panel}>
      <p className={styles.pre}>{enquiry.description}</p>
      {!staff && enquiry.requestIds.length > 0 && (
        <p>
          <Translate id="support.attachedRequests">Attached requests</Translate>:{' '}
          {enquiry.requestIds.map((r) => (
            <code key={r}>{r} </code>
          ))}
        </p>
      )}
      <AttachmentList enquiry={enquiry} staff={staff} />
    </div>
  )
}
