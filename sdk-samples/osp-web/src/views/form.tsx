/** @jsxRuntime automatic @jsxImportSource hono/jsx — The application form (values from iAM Smart marked), the waiting page, and the signed documents. */
import { t } from '../i18n'
import { FORM_FIELDS, type Session } from '../session'
import type { StoredDocument, Task } from '../store'
import { IamSmartButton, MoreInfo } from './button'
import { Page } from './layout'

export function FormPage(props: { session: Session; documents: StoredDocument[]; flash?: string }) {
  const { session } = props
  const s = t(session.lang)
  const { values, fromIamSmart } = session.form
  return (
    <Page lang={session.lang} title={s.form} flash={props.flash}>
      <div class="card">
        <h1>{s.form}</h1>
        <p>{s.fillHint}</p>
        <p>
          <IamSmartButton kind="continue" lang={session.lang} action="/form/fill" />{' '}
          <MoreInfo lang={session.lang} />
        </p>
        <form method="post" action="/form" data-testid="application-form">
          {FORM_FIELDS.map((f) => (
            <div>
              <label for={f}>
                {s.fields[f]}
                {fromIamSmart.includes(f) ? (
                  <span class="badge" data-testid={`from-iamsmart-${f}`}>
                    {s.fromIamSmart}
                  </span>
                ) : null}
              </label>
              <input type={f === 'email' ? 'email' : 'text'} id={f} name={f} value={values[f] ?? ''} />
            </div>
          ))}
          <p>
            <button type="submit" class="plain-btn" data-testid="save">
              {s.save}
            </button>
          </p>
        </form>
      </div>
      <div class="card">
        <p>{s.signHint}</p>
        <IamSmartButton kind="signing" lang={session.lang} action="/sign" />
        {props.documents.length > 0 ? (
          <div>
            <h2>{s.documents}</h2>
            <ul data-testid="documents">
              {props.documents.map((d) => (
                <li>
                  <a href={`/documents/${d.id}`} data-testid="download">
                    {s.download} {d.name}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Page>
  )
}

/** Reloads every second until the callback has come; with `qrUrl`, first shows the code and the way to the QR page. */
export function WaitingPage(props: {
  session: Session
  task: Task
  iamsmartBaseUrl: string
  qrUrl?: string
}) {
  const { session, task } = props
  const s = t(session.lang)
  return (
    <Page lang={session.lang} title={s.waiting} refresh={props.qrUrl ? undefined : 1}>
      <div class="card" data-testid="waiting">
        <h1>{s.waiting}</h1>
        {task.signCode ? (
          <div>
            <p>{s.signCode}</p>
            <p class="code" data-testid="sign-code">
              {task.signCode}
            </p>
            <p class="muted">{s.signCodeHint}</p>
          </div>
        ) : null}
        <p>{task.authByQR ? s.waitingQr : s.waitingApp}</p>
        {props.qrUrl ? (
          <p>
            <a class="plain-btn" href={props.qrUrl} data-testid="continue-to-qr">
              {s.toQr}
            </a>
          </p>
        ) : null}
        <p>
          <a
            href={`${props.iamsmartBaseUrl}/app`}
            target="_blank"
            rel="noopener"
            data-testid="open-virtual-app"
          >
            {s.openVirtualApp}
          </a>
        </p>
        <p class="muted">businessID {task.businessID}</p>
      </div>
    </Page>
  )
}
