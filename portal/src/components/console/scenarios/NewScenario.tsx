/** Queueing a forced outcome for an app's next calls: a D-code, a delay, or a failing callback. */
import Translate, { translate } from '@docusaurus/Translate'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import type { FormEvent } from 'react'
import { sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert } from '../../shared/feedback'
import { NumberField, SelectField, useFields } from '../../shared/fields'
import { FormPanel } from '../../shared/Section'
import type { App, ScenarioCreateRequest } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { FAILURE_CODES, OPERATIONS, WITH_CALLBACK } from './operations'

type Fault = 'dcode' | 'delay' | 'callback'

/** What can be forced: a D-code, a delay, and for an operation with a callback, a failing callback. */
const faultOptions = (withCallback: boolean): (readonly [Fault, string])[] => [
  ['dcode', translate({ id: 'console.scenarios.fault.dcode', message: 'Answer a D-code' })],
  ['delay', translate({ id: 'console.scenarios.fault.delay', message: 'Delay the answer' })],
  ...(withCallback
    ? ([
        ['callback', translate({ id: 'console.scenarios.fault.callback', message: 'Fail the callback' })],
      ] as const)
    : []),
]

/** How the callback fails. */
const callbackOptions = () =>
  [
    [
      'error',
      translate({ id: 'console.scenarios.callback.error', message: 'is answered HTTP 500 on every try' }),
    ],
    ['timeout', translate({ id: 'console.scenarios.callback.timeout', message: 'is never answered' })],
  ] as const

export default function NewScenario({ app, onCreated }: { app: App; onCreated(): void }) {
  const { values, bind, error, fail } = useFields({
    operationId: 'getToken',
    fault: 'dcode' as Fault,
    dcode: 'D40004',
    delayMs: '5000',
    callback: 'error' as 'error' | 'timeout',
    times: '1',
  })
  const { operationId, fault, dcode, delayMs, callback, times } = values

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const body: ScenarioCreateRequest = {
      operationId,
      times: Number(times),
      ...(fault === 'dcode' ? { dcode } : fault === 'delay' ? { delayMs: Number(delayMs) } : { callback }),
    }
    try {
      await unwrap(
        sandboxApi.POST('/apps/{clientID}/scenarios', { params: { path: { clientID: app.clientID } }, body }),
      )
      fail(undefined)
      onCreated()
    } catch (x) {
      fail(x)
    }
  }

  return (
    <FormPanel
      id="new-scenario"
      title={<Translate id="console.scenarios.new">Queue a forced outcome</Translate>}
      onSubmit={submit}
    >
      <ErrorAlert error={error} shownFields={['operationId', 'dcode', 'delayMs', 'callback', 'times']} />
      <div className={ui.formRow}>
        <SelectField
          label={translate({ id: 'console.scenarios.operation', message: 'Operation' })}
          options={OPERATIONS.map((o) => [o, o] as const)}
          {...bind('operationId')}
        />
        <SelectField
          label={translate({ id: 'console.scenarios.fault', message: 'What to force' })}
          {...bind('fault')}
          options={faultOptions(WITH_CALLBACK.includes(operationId))}
        />
        <NumberField
          label={translate({ id: 'console.scenarios.times', message: 'For the next calls' })}
          {...bind('times')}
        />
      </div>
      {fault === 'dcode' && (
        <SelectField
          label={translate({ id: 'console.scenarios.dcode', message: 'D-code' })}
          options={FAILURE_CODES.map((c) => [c, `${c} ${dCodes[c as keyof typeof dCodes].message}`] as const)}
          {...bind('dcode')}
        />
      )}
      {fault === 'delay' && (
        <NumberField
          label={translate({ id: 'console.scenarios.delayMs', message: 'Delay (ms, at most 60 000)' })}
          {...bind('delayMs')}
        />
      )}
      {fault === 'callback' && (
        <SelectField
          label={translate({ id: 'console.scenarios.callback', message: 'The callback' })}
          {...bind('callback')}
          options={callbackOptions()}
        />
      )}
      <ActionButton type="submit">
        <Translate id="console.scenarios.queue">Queue scenario</Translate>
      </ActionButton>
    </FormPanel>
  )
}
