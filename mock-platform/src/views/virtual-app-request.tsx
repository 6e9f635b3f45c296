/** The virtual iAM Smart app's page for one pending request: who asks, for what, and the resident's decision. */
import type { Context } from 'hono'
import type { Resident } from '../personas/resident.types'
import type { Lang, Ticket } from '../features/tickets'
import { t } from './i18n'
import { renderPage } from './layout'
import { Header, ResidentPicker } from './virtual-app-pages'

export function requestView(
  c: Context,
  o: {
    lang: Lang
    ticket: Ticket
    serviceName: string
    resident?: Resident
    residents: Resident[]
    /** The picker's search (the request stays pending while the resident is looked for). */
    query?: string
    assigned?: Resident
  },
): Response {
  const s = t(o.lang)
  const tk = o.ticket
  const path = `/app/requests/${tk.ticketID}`
  const fields = [
    ...((tk.request.profileFields as string[]) ?? []),
    ...((tk.request.eMEFields as string[]) ?? []),
  ].map((f) => ({ value: f, label: f }))
  // Preview data exchange: one checkbox per data set (partial approval allowed).
  const sets = tk.kind === 'dataexchange' ? ((tk.request.dataSets as string[]) ?? []) : []
  const setLabels = s.consent.dataSets as Record<string, string>
  fields.push(...sets.map((d) => ({ value: d, label: setLabels[d] ?? d })))
  const who = o.assigned ?? o.resident
  return renderPage(
    c,
    { lang: o.lang, title: s.kinds[tk.kind], phone: true },
    <div data-testid="request">
      <Header lang={o.lang} path={path} />
      <h1>{s.kinds[tk.kind]}</h1>
      <dl>
        <dt>{s.requestFrom}</dt>
        <dd data-testid="request-service">{o.serviceName}</dd>
        {tk.request.department ? (
          <>
            <dt>{s.department}</dt>
            <dd>{String(tk.request.department)}</dd>
          </>
        ) : null}
        {tk.request.serviceName ? (
          <>
            <dt>{s.service}</dt>
            <dd>{String(tk.request.serviceName)}</dd>
          </>
        ) : null}
        {tk.request.documentName ? (
          <>
            <dt>{s.document}</dt>
            <dd data-testid="document-name">{String(tk.request.documentName)}</dd>
          </>
        ) : null}
        {tk.kind === 'dataexchange' ? (
          <>
            <dt>{s.consent.purpose}</dt>
            <dd data-testid="request-purpose">{String(tk.request.purpose)}</dd>
            <dt>{s.consent.validFor}</dt>
            <dd>{s.consent.days(Number(tk.request.validityDays))}</dd>
          </>
        ) : null}
        {who ? (
          <>
            <dt>{s.currentResident}</dt>
            <dd>{who.profile.enName.UnstructuredName}</dd>
          </>
        ) : null}
      </dl>
      {tk.signCode ? (
        <div>
          <p class="muted">{s.signCode}</p>
          <p class="code" data-testid="app-sign-code">
            {tk.signCode}
          </p>
          <p class="muted">{s.signCodeHint}</p>
        </div>
      ) : null}
      {!who ? (
        <ResidentPicker lang={o.lang} residents={o.residents} next={path} query={o.query} />
      ) : (
        <form method="post" action={`${path}/decision`}>
          {fields.length > 0 ? (
            <fieldset>
              <input type="hidden" name="fieldsShown" value="1" />
              <legend>{sets.length > 0 ? s.consent.dataSetsRequested : s.fieldsRequested}</legend>
              {fields.map((f) => (
                <label style="display:block">
                  <input
                    type="checkbox"
                    name="fields"
                    value={f.value}
                    data-testid={`field-${f.value}`}
                    checked
                  />{' '}
                  {f.label}
                </label>
              ))}
              {sets.length > 0 ? <p class="muted">{s.consent.preview}</p> : null}
            </fieldset>
          ) : null}
          {(
            [
              ['approve', 'btn block', s.approve],
              ['reject', 'btn block danger', s.reject],
              ['cancel', 'btn block secondary', s.cancelRequest],
              ['timeout', 'btn block secondary', s.ignore],
            ] as const
          ).map(([decision, cls, label]) => (
            <button type="submit" class={cls} name="decision" value={decision} data-testid={decision}>
              {label}
            </button>
          ))}
        </form>
      )}
    </div>,
  )
}
