/** Adding a resident or editing one of the organisation's own, each invalid field named by the sandbox (422). */
import Translate, { translate } from '@docusaurus/Translate'
import type { FormEvent } from 'react'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert } from '../../shared/feedback'
import {
  CheckboxField,
  EmailField,
  fieldError,
  NumberField,
  SelectField,
  TextField,
  useFields,
} from '../../shared/fields'
import { FormPanel } from '../../shared/Section'
import type { Resident, ResidentPatch } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { EMPTY, FIELD_PATHS, type Form, formOf, inputOf } from './form'

const tierOptions = () =>
  [
    ['iAM Smart+', translate({ id: 'console.residents.tier.plus', message: 'iAM Smart+ (can sign)' })],
    ['iAM Smart', translate({ id: 'console.residents.tier.basic', message: 'iAM Smart (cannot sign)' })],
  ] as const

const genderOptions = () =>
  [
    ['F', translate({ id: 'console.residents.gender.f', message: 'Female' })],
    ['M', translate({ id: 'console.residents.gender.m', message: 'Male' })],
  ] as const

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
  const {
    values: form,
    bind,
    check,
    error,
    fail,
    errors,
  } = useFields<Form>(resident ? formOf(resident) : EMPTY, undefined, FIELD_PATHS)
  const shown = Object.keys(errors).filter((k) =>
    Object.values(FIELD_PATHS).some((path) => fieldError({ [k]: 'x' }, path)),
  )

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
      fail(undefined)
      onSaved(saved)
    } catch (x) {
      fail(x)
    }
  }

  return (
    <FormPanel
      id="resident-form"
      title={
        resident
          ? translate({ id: 'console.residents.edit', message: 'Edit {id}' }, { id: resident.id })
          : translate({ id: 'console.residents.new', message: 'New resident' })
      }
      onSubmit={submit}
    >
      <ErrorAlert error={error} shownFields={shown} />
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.hkid', message: 'HKID number' })}
          {...bind('hkid')}
          placeholder="QA123456(5)"
          hint={translate({
            id: 'console.residents.field.hkid.hint',
            message: 'Sandbox range QA000000–QZ999999, with its check digit.',
          })}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.tier', message: 'Account tier' })}
          {...bind('tier')}
          options={tierOptions()}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.enName', message: 'English name' })}
          {...bind('enName')}
          placeholder="CHAN, Tai Man"
        />
        <TextField
          label={translate({ id: 'console.residents.field.chName', message: 'Chinese name' })}
          lang="zh-Hant"
          {...bind('chName')}
        />
      </div>
      <div className={ui.formRow}>
        <TextField
          label={translate({ id: 'console.residents.field.birthDate', message: 'Date of birth' })}
          type="date"
          {...bind('birthDate')}
        />
        <SelectField
          label={translate({ id: 'console.residents.field.gender', message: 'Gender' })}
          {...bind('gender')}
          options={genderOptions()}
        />
      </div>
      <div className={ui.formRow}>
        <EmailField
          label={translate({ id: 'console.residents.field.email', message: 'e-ME email address' })}
          {...bind('email')}
        />
        <NumberField
          label={translate({ id: 'console.residents.field.countryCode', message: 'Country code' })}
          {...bind('countryCode')}
        />
        <NumberField
          label={translate({ id: 'console.residents.field.mobile', message: 'e-ME mobile number' })}
          {...bind('mobile')}
        />
      </div>
      <div className={ui.formRow}>
        <SelectField
          label={translate({
            id: 'console.residents.field.decision',
            message: 'In the virtual app, the resident will',
          })}
          {...bind('decision')}
          options={decisionOptions()}
        />
        <NumberField
          label={translate({ id: 'console.residents.field.delayMs', message: 'Delay before deciding (ms)' })}
          {...bind('delayMs')}
        />
      </div>
      <CheckboxField
        label={translate({
          id: 'console.residents.field.appReachable',
          message: 'The iAM Smart app can receive pushes',
        })}
        {...check('appReachable')}
      />
      <CheckboxField
        label={translate({
          id: 'console.residents.field.hkidMismatch',
          message: 'Refuse signing as an HKID mismatch (D70005)',
        })}
        {...check('hkidMismatch')}
      />
      <TextField
        label={translate({ id: 'console.residents.field.tags', message: 'Tags' })}
        {...bind('tags')}
        hint={translate({
          id: 'console.residents.field.tags.hint',
          message: 'Comma-separated: lower-case letters, digits and hyphens.',
        })}
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
    </FormPanel>
  )
}
