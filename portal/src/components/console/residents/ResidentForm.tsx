/** Adding a resident or editing one of the organisation's own, each invalid field named by the sandbox (422). */
import Translate, { translate } from '@docusaurus/Translate'
import { type FormEvent, useState } from 'react'
import { ApiError, sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert } from '../../shared/feedback'
import { CheckboxField, fieldError, SelectField, TextField } from '../../shared/fields'
import type { Resident, ResidentPatch } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { type Decision, EMPTY, FIELD_PATHS, type Form, formOf, inputOf, type Tier } from './form'

const decisionOptions = () =>
  [
    ['approve', translate({ id: 'console.residents.decision.approve', message: 'Approve' })],
    ['reject', translate({ id: 'console.residents.decision.reject', message: 'Reject' })],
    ['cancel', translate({ id: 'console.residents.decision.cancel', message: 'Cancel' })],
    ['timeout', translate({ id: 'console.residents.decision.timeout', message: 'Time out' })],
  ] as const

export default function ResidentForm({
  resident,
  onSaved,
  onCancel,
}: {
  resident?: Resident
  onSaved(r: Resident): void
  onCancel(): void
}) {
  const [form, setForm] = useState<Form>(resident ? formOf(resident) : EMPTY)
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}
  const err = (k: keyof Form) => fieldError(errors, ...FIELD_PATHS[k])
  const shown = Object.keys(errors).filter((k) =>
    Object.values(FIELD_PATHS).some((paths) => fieldError({ [k]: 'x' }, ...paths)),
  )
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v })

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const input = inputOf(form)
    try {
      const saved = resident
        ? await unwrap(
            sandboxApi.PATCH('/residents/{id}', {
              params: { path: { id: resident.id } },
              body: {
                ...input,
                // e-ME fields the form clears are removed (null); the others the form does not show stay. The
                // spec types this object loosely (`type: object`), hence the cast.
                eme: {
                  emailAddress: input.eme?.emailAddress ?? null,
                  mobileNumber: input.eme?.mobileNumber ?? null,
                } as unknown as ResidentPatch['eme'],
              },
            }),
          )
        : await unwrap(sandboxApi.POST('/residents', { body: input }))
      setError(undefined)
      onSaved(saved)
    } catch (x) {
      setError(x)
    }
  }

  return (
    <form className={ui.panel} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="resident-form">
      <h2 id="resident-form">
        {resident
          ? translate({ id: 'console.residents.edit', message: 'Edit {id}' }, { id: resident.id })
          : translate({ id: 'console.residents.new', message: 'New resident' })}
      </h2>
      <ErrorAlert error={error} shownFields={shown} />
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.hkid', message: 'HKID number' })}
          name="hkid"
          value={form.hkid}
          placeholder="QA123456(5)"
          hint={translate({
            id: 'console.residents.field.hkid.hint',
            message: 'Sandbox range QA000000–QZ999999, with its check digit.',
          })}
          onChange={(e) => set('hkid', e.target.value)}
          error={err('hkid')}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.tier', message: 'Account tier' })}
          value={form.tier}
          onChange={(e) => set('tier', e.target.value as Tier)}
          options={[
            [
              'iAM Smart+',
              translate({ id: 'console.residents.tier.plus', message: 'iAM Smart+ (can sign)' }),
            ],
            [
              'iAM Smart',
              translate({ id: 'console.residents.tier.basic', message: 'iAM Smart (cannot sign)' }),
            ],
          ]}
          error={err('tier')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.enName', message: 'English name' })}
          name="enName"
          value={form.enName}
          placeholder="CHAN, Tai Man"
          onChange={(e) => set('enName', e.target.value)}
          error={err('enName')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.chName', message: 'Chinese name' })}
          name="chName"
          lang="zh-Hant"
          value={form.chName}
          onChange={(e) => set('chName', e.target.value)}
          error={err('chName')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.birthDate', message: 'Date of birth' })}
          name="birthDate"
          type="date"
          value={form.birthDate}
          onChange={(e) => set('birthDate', e.target.value)}
          error={err('birthDate')}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.gender', message: 'Gender' })}
          value={form.gender}
          onChange={(e) => set('gender', e.target.value as 'M' | 'F')}
          options={[
            ['F', translate({ id: 'console.residents.gender.f', message: 'Female' })],
            ['M', translate({ id: 'console.residents.gender.m', message: 'Male' })],
          ]}
          error={err('gender')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.email', message: 'e-ME email address' })}
          name="email"
          type="email"
          value={form.email}
          onChange={(e) => set('email', e.target.value)}
          error={err('email')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.countryCode', message: 'Country code' })}
          name="countryCode"
          inputMode="numeric"
          value={form.countryCode}
          onChange={(e) => set('countryCode', e.target.value)}
          error={err('countryCode')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.mobile', message: 'e-ME mobile number' })}
          name="mobile"
          inputMode="numeric"
          value={form.mobile}
          onChange={(e) => set('mobile', e.target.value)}
          error={err('mobile')}
        />
      </div>
      <div className={ui.formRow}>
        <SelectField
          label={translate({
            id: 'console.residents.field.decision',
            message: 'In the virtual app, the resident will',
          })}
          value={form.decision}
          onChange={(e) => set('decision', e.target.value as Decision)}
          options={decisionOptions()}
          error={err('decision')}
        />
        <TextField
          label={translate({ id: 'console.residents.field.delayMs', message: 'Delay before deciding (ms)' })}
          name="delayMs"
          inputMode="numeric"
          value={form.delayMs}
          onChange={(e) => set('delayMs', e.target.value)}
          error={err('delayMs')}
        />
      </div>
      <CheckboxField
        label={translate({
          id: 'console.residents.field.appReachable',
          message: 'The iAM Smart app can receive pushes',
        })}
        checked={form.appReachable}
        onChange={(e) => set('appReachable', e.target.checked)}
        error={err('appReachable')}
      />
      <CheckboxField
        label={translate({
          id: 'console.residents.field.hkidMismatch',
          message: 'Refuse signing as an HKID mismatch (D70005)',
        })}
        checked={form.hkidMismatch}
        onChange={(e) => set('hkidMismatch', e.target.checked)}
        error={err('hkidMismatch')}
      />
      <TextField
        label={translate({ id: 'console.residents.field.tags', message: 'Tags' })}
        name="tags"
        value={form.tags}
        hint={translate({
          id: 'console.residents.field.tags.hint',
          message: 'Comma-separated: lower-case letters, digits and hyphens.',
        })}
        onChange={(e) => set('tags', e.target.value)}
        error={err('tags')}
      />
      <div className={ui.buttons}>
        <ActionButton type="submit">
          {resident
            ? translate({ id: 'console.residents.save', message: 'Save resident' })
            : translate({ id: 'console.residents.add', message: 'Add resident' })}
        </ActionButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          <Translate id="console.cancel">Cancel</Translate>
        </button>
      </div>
    </form>
  )
}
