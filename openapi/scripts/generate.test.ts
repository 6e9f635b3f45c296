// Checks the bundled platform spec (operations, examples, D-codes, encrypted schemas) and the generated operation table.
import { beforeAll, describe, expect, it } from 'vitest'
import { dCodes } from '../generated/dcodes'
import { platformCallbacks, platformOperations } from '../generated/platform-operations'
import { bundlePlatform } from './bundle'
import {
  callbackSchema,
  listOperations,
  type Operation,
  type PlatformOperation,
  refName,
} from './emit-operations'
import { open, seal } from './example-crypto'
import { sealExamples } from './seal-examples'

const OPERATION_IDS = [
  'getQr',
  'getKey',
  'revokeKey',
  'getToken',
  'initiateProfileRequest',
  'initiateEmeRequest',
  'initiateStepUpRequest',
  'initiateSigningRequest',
  'initiatePdfSigningRequest',
  'ackSigningResult',
  'initiateAnonymousEmeRequest',
  'getAnonymousEmeResult',
  'initiateAnonymousSigningRequest',
  'getAnonymousSigningResult',
  'initiateAnonymousPdfSigningRequest',
  'getAnonymousPdfSigningResult',
  'getProfiles',
]
/** Operations tagged Preview: the sandbox's own model, not part of the published specification (issue 9). */
const PREVIEW_OPERATION_IDS = ['initiateDataExchangeRequest', 'getDataExchangeData', 'getConsentStatus']

type Json = Record<string, any>
let spec: Json
let operations: PlatformOperation[]
const schemas = (): Json => spec.components.schemas
const resolve = (node: Json): Json =>
  node.$ref ? resolve(spec.components[node.$ref.split('/')[2]][refName({ $ref: node.$ref })]) : node

/** Every operation with a label, callbacks included. */
function everyOperation(): { label: string; operation: Operation }[] {
  return operations.flatMap(({ operation }) => [
    { label: operation.operationId, operation },
    ...Object.entries(operation.callbacks ?? {}).map(([name, callback]) => ({
      label: `${operation.operationId} callback ${name}`,
      operation: Object.values(callback)[0]?.post as Operation,
    })),
  ])
}

/** Every (example, decrypted schema) pair: encrypted examples must decrypt to an example of that schema. */
function sealedExamples(): { label: string; example: Json; schema: string | undefined }[] {
  return everyOperation().flatMap(({ label, operation }) => {
    const encrypted = operation['x-encrypted-content'] ?? {}
    const pairs = [
      { examples: operation.requestBody?.content?.['application/json'] as Json, ref: encrypted.request },
      {
        examples: resolve(operation.responses['200'] ?? {}).content?.['application/json'] as Json,
        ref: encrypted.response,
      },
    ]
    return pairs.flatMap(({ examples, ref }) =>
      Object.entries((examples?.examples ?? {}) as Record<string, Json>)
        .map(([name, example]) => ({
          label: `${label} ${name}`,
          example: resolve(example),
          schema: ref && refName(ref),
        }))
        .filter(
          (pair) =>
            pair.example['x-plaintext'] !== undefined ||
            (pair.schema && pair.example.value?.code === 'D00000'),
        ),
    )
  })
}

beforeAll(async () => {
  spec = (await bundlePlatform()).document as Json
  operations = listOperations(spec)
})

describe('platform spec', () => {
  it('has exactly the 17 operations of the reference, by operationId, plus the Preview ones', () => {
    const preview = ({ operation }: PlatformOperation) => (operation as Json).tags?.includes('Preview')
    const ids = (list: PlatformOperation[]) => list.map(({ operation }) => operation.operationId).sort()
    expect(ids(operations.filter((o) => !preview(o)))).toEqual([...OPERATION_IDS].sort())
    expect(ids(operations.filter(preview))).toEqual([...PREVIEW_OPERATION_IDS].sort())
  })

  it('has examples on every request body and response body, callbacks included', () => {
    const missing: string[] = []
    for (const { label, operation } of everyOperation()) {
      const bodies = [
        ['request', operation.requestBody],
        ...Object.entries(operation.responses).map(([status, response]) => [status, resolve(response)]),
      ] as [string, Json | undefined][]
      for (const [where, body] of bodies) {
        for (const [type, media] of Object.entries((body?.content ?? {}) as Record<string, Json>)) {
          if (!media.example && Object.keys(media.examples ?? {}).length === 0)
            missing.push(`${label} ${where} ${type}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('documents every D-code once, with SUCCESS only for D00000', () => {
    const dcode = schemas().DCode as Json
    expect(Object.keys(dcode['x-dcodes'])).toEqual(dcode.enum)
    expect(dcode.enum).toHaveLength(44)
    for (const code of dcode.enum as string[]) {
      const { message, description } = dcode['x-dcodes'][code]
      expect(message === 'SUCCESS', code).toBe(code === 'D00000')
      expect(description.length, code).toBeGreaterThan(20)
    }
  })

  it('lists in x-dcodes only known codes, the same ones its 200 (and 302) description names', () => {
    const known = new Set(schemas().DCode.enum)
    for (const { label, operation } of everyOperation()) {
      const codes = operation['x-dcodes'] ?? []
      expect(codes.length, label).toBeGreaterThan(0)
      expect(
        codes.filter((code) => !known.has(code)),
        label,
      ).toEqual([])
      if (!label.includes('callback')) {
        const text = ['200', '302'].map((status) => operation.responses[status]?.description ?? '').join(' ')
        expect([...new Set(text.match(/D\d{5}/g))].sort(), label).toEqual([...codes].sort())
      }
    }
  })

  it('uses only documented codes in example envelopes', () => {
    const known = new Set(schemas().DCode.enum)
    const codes = Object.values(spec.components.examples as Record<string, Json>).map(
      (example) => example.value?.code,
    )
    expect(codes.filter((code) => code !== undefined && !known.has(code))).toEqual([])
  })

  it('resolves every x-encrypted-content ref, and encrypted operations take EncryptedRequest', () => {
    for (const { label, operation } of everyOperation()) {
      const encrypted = operation['x-encrypted-content']
      if (!encrypted) continue
      for (const ref of [encrypted.request, encrypted.response].filter(Boolean)) {
        expect(ref?.$ref, label).toMatch(/^#\/components\/schemas\//)
        expect(schemas()[refName(ref as { $ref: string })], label).toBeDefined()
      }
      const body = operation.requestBody?.content?.['application/json']?.schema
      if (!label.includes('callback')) expect(body && refName(body), label).toBe('EncryptedRequest')
    }
  })

  it('has encrypted examples that decrypt (test CEK) to an example of the decrypted schema', () => {
    const pairs = sealedExamples()
    expect(pairs.length).toBeGreaterThan(30)
    for (const { label, example, schema } of pairs) {
      const plaintext = JSON.parse(open(example.value.content))
      expect(plaintext, label).toEqual(example['x-plaintext'])
      // Callbacks decrypt to CallbackPayload: the result nested under `content` (the default layout).
      const result = label.includes('callback') ? plaintext.content : plaintext
      if (label.includes('callback')) expect(Object.keys(plaintext), label).toEqual(['content'])
      expect(schema && schemas()[schema]?.examples, label).toContainEqual(result)
    }
  })

  it('keeps every committed example sealed', () => {
    expect(sealExamples(false)).toEqual([])
  })
})

describe('example crypto', () => {
  it('matches the content-envelope known-answer vector', () => {
    const plaintext = '{"code":"Xq3Rk8Vt2Pw9Ls4Hn6Jb1Cz5","grantType":"authorization_code"}'
    const content =
      'AAAADKGio6SlpqeoqaqrrF3N5ACQMBxVrCbDQwap9CUWpXpYTgkns6rxARoGKSSsJqaK2YQDKYGmJ46HukVu09VF9scHGYOSVuosG4xpGiKXQFM5u25beVAeC3wgVYJyRfBJvA=='
    expect(seal(plaintext, Buffer.from('a1a2a3a4a5a6a7a8a9aaabac', 'hex'))).toBe(content)
    expect(open(content)).toBe(plaintext)
    expect(() => open(`${content.slice(0, -8)}AAAAAA==`)).toThrow()
  })
})

describe('generated operation table', () => {
  it('has all 17 operations (and the Preview ones) with the method, path and D-codes of the spec', () => {
    expect(Object.keys(platformOperations).sort()).toEqual(
      [...OPERATION_IDS, ...PREVIEW_OPERATION_IDS].sort(),
    )
    for (const { operation, method, path } of operations) {
      const entry = platformOperations[operation.operationId as keyof typeof platformOperations]
      expect(entry, operation.operationId).toEqual({
        method,
        path,
        encrypted: operation['x-encrypted-content'] !== undefined,
        dcodes: operation['x-dcodes'],
      })
    }
  })

  it('names the callback content schema of each asynchronous operation', () => {
    const expected = Object.fromEntries(
      operations.flatMap(({ operation }) => {
        const schema = callbackSchema(operation)
        return schema ? [[operation.operationId, schema]] : []
      }),
    )
    expect(platformCallbacks).toEqual(expected)
    expect(Object.keys(platformCallbacks)).toEqual([
      'initiateProfileRequest',
      'initiateEmeRequest',
      'initiateStepUpRequest',
      'initiateSigningRequest',
      'initiatePdfSigningRequest',
      'initiateDataExchangeRequest',
    ])
  })

  it('has the D-code table of the spec', () => {
    expect(Object.keys(dCodes)).toEqual(schemas().DCode.enum)
    expect(dCodes.D00000.message).toBe('SUCCESS')
    expect(dCodes.D20006.message).toBe('API sign check parameter failed')
  })
})
