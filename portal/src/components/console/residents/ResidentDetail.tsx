/** One resident: profile, e-ME and behaviour; the organisation's own can be edited or deleted. */
import Translate, { translate } from '@docusaurus/Translate'
import { useState } from 'react'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert, Json, Loading, Notice } from '../../shared/feedback'
import { useLoad } from '../../shared/hooks'
import { Section } from '../../shared/Section'
import ui from '../../shared/ui.module.css'
import ResidentForm from './ResidentForm'

export default function ResidentDetail({
  id,
  orgId,
  onChanged,
  onClose,
}: {
  id: string
  orgId: string | undefined
  onChanged(): void
  onClose(): void
}) {
  const { data, error, setData } = useLoad(
    () => unwrap(sandboxApi.GET('/residents/{id}', { params: { path: { id } } })),
    [id],
  )
  const [editing, setEditing] = useState(false)
  const [actionError, setActionError] = useState<unknown>()
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Loading />
  const own = data.orgId !== null && data.orgId === orgId
  if (editing)
    return (
      <ResidentForm
        resident={data}
        onSaved={(r) => {
          setData(r)
          setEditing(false)
          onChanged()
        }}
        onCancel={() => setEditing(false)}
      />
    )
  const remove = async () => {
    if (
      !window.confirm(
        translate({ id: 'console.residents.delete.confirm', message: 'Delete {id}?' }, { id: data.id }),
      )
    )
      return
    try {
      await unwrap(sandboxApi.DELETE('/residents/{id}', { params: { path: { id: data.id } } }))
      onChanged()
      onClose()
    } catch (e) {
      setActionError(e)
    }
  }
  return (
    <Section
      panel
      id="resident-detail"
      title={
        <>
          {data.profile.enName.UnstructuredName} <code>{data.id}</code>
        </>
      }
    >
      <ErrorAlert error={actionError} />
      {data.magic?.outcome && <Notice kind="info">{data.magic.outcome}</Notice>}
      {!own && (
        <p className={ui.hint}>
          <Translate id="console.residents.shared">
            A shared resident of the sandbox: every organisation can log it in, nobody can change it. Add your
            own to change one.
          </Translate>
        </p>
      )}
      <div className={ui.buttons}>
        {own && (
          <>
            <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
              <Translate id="console.residents.editButton">Edit</Translate>
            </button>
            <ActionButton className="button--danger button--outline" onClick={remove}>
              <Translate id="console.residents.delete">Delete</Translate>
            </ActionButton>
          </>
        )}
        <button type="button" className="button button--secondary" onClick={onClose}>
          <Translate id="console.close">Close</Translate>
        </button>
      </div>
      <h3>
        <Translate id="console.residents.profile">Profile</Translate>
      </h3>
      <Json value={data.profile} label={translate({ id: 'console.residents.profile', message: 'Profile' })} />
      <h3>e-ME</h3>
      <Json value={data.eme} label="e-ME" />
      <h3>
        <Translate id="console.residents.behaviour">Behaviour</Translate>
      </h3>
      <Json
        value={data.behaviour}
        label={translate({ id: 'console.residents.behaviour', message: 'Behaviour' })}
      />
    </Section>
  )
}
