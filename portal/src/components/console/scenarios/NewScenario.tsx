/** Queueing a forced outcome for an app's next calls: a D-code, a delay, or a failing callback. */
import Translate, { translate } from '@docusaurus/Translate'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { type FormEvent, useState } from 'react'
import { ApiError, sandboxApi, unwrap } from '../../shared/api'
import { ActionButton, ErrorAlert } from '../../shared/feedback'
import { fieldError, SelectField, TextField } from '../../shared/fields'
import type { App, ScenarioCreateRequest } from '../../shared/types'
import ui from '../../shared/ui.module.css'
import { FAILURE_CODES, OPERATIONS, WITH_CALLBACK } from './operations'

type Fault = 'dcode' | 'delay' | 'callback'

export default function NewScenario({ app, onCreated }: { app: App; onCreated(): void }) {
  const [operationId, setOperationId] = useState('getToken')
  const [fault, setFault] = useState<Fault>('dcode')
  const [dcode, setDcode] = useState('D40004')
  const [delayMs, setDelayMs] = useState('5000')
  const [callback, setCallback] = useState<'error' | 'timeout'>('error')
  const [times, setTimes] = useState('1')
  const [error, setError] = useState<unknown>()
  const errors = error instanceof ApiError ? error.fieldErrors : {}

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
      setError(undefined)
      onCreated()
    } catch (x) {
      setError(x)
    }
  }

  return (
    <form className={ui.panel} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-scenario">
      <h2 id="new-scenario">
        <Translate id="console.scenarios.new">Queue a forced outcome</Translate>
      </h2>
      <ErrorAlert error={error} shownFields={['operationId', 'dcode', 'delayMs', 'callback', 'times']} />
      <div className={ui.formRow}>
        <SelectField
          label={translate({ id: 'console.scenarios.operation', message: 'Operation' })}
          value={operationId}
          onChange={(e) => setOperationId(e.target.value)}
          options={OPERATIONS.map((o) => [o, o] as const)}
          error={fieldError(errors, 'operationId')}
        />
        <SelectField
          label={translate({ id: 'console.scenarios.fault', message: 'What to force' })}
          value={fault}
          onChange={(e) => setFault(e.target.value as Fault)}
          options={[
            ['dcode', translate({ id: 'console.scenarios.fault.dcode', message: 'Answer a D-code' })],
            ['delay', translate({ id: 'console.scenarios.fault.delay', message: 'Delay the answer' })],
            ...(WITH_CALLBACK.includes(operationId)
              ? ([
                  [
                    'callback',
                    translate({ id: 'console.scenarios.fault.callback', message: 'Fail the callback' }),
                  ],
                ] as const)
              : []),
          ]}
        />
        <TextField
          label={translate({ id: 'console.scenarios.times', message: 'For the next calls' })}
          inputMode="numeric"
          value={times}
          onChange={(e) => setTimes(e.target.value)}
          error={fieldError(errors, 'times')}
        />
      </div>
      {fault === 'dcode' && (
        <SelectField
          label={translate({ id: 'console.scenarios.dcode', message: 'D-code' })}
          value={dcode}
          onChange={(e) => setDcode(e.target.value)}
          options={FAILURE_CODES.map((c) => [c, `${c} ${dCodes[c as keyof typeof dCodes].message}`] as const)}
          error={fieldError(errors, 'dcode')}
        />
      )}
      {fault === 'delay' && (
        <TextField
          label={translate({ id: 'console.scenarios.delayMs', message: 'Delay (ms, at most 60 000)' })}
          inputMode="numeric"
          value={delayMs}
          onChange={(e) => setDelayMs(e.target.value)}
          error={fieldError(errors, 'delayMs')}
        />
      )}
      {fault === 'callback' && (
        <SelectField
          label={translate({ id: 'console.scenarios.callback', message: 'The callback' })}
          value={callback}
          onChange={(e) => setCallback(e.target.value as 'error' | 'timeout')}
          options={[
            [
              'error',
              translate({
                id: 'console.scenarios.callback.error',
                message: 'is answered HTTP 500 on every try',
              }),
            ],
            [
              'timeout',
              translate({ id: 'console.scenarios.callback.timeout', message: 'is never answered' }),
            ],
          ]}
          error={fieldError(errors, 'callback')}
        />
      )}
      <ActionButton type="submit">
        <Translate id="console.scenarios.queue">Queue scenario</Translate>
      </ActionButton>
    </form>
  )
}
