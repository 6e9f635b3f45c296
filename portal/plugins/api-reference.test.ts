// The API reference pages carry the "Try it against your sandbox app" panel: its props come from the operation
// (operationId, method, encrypted) and its request examples (the decrypted `x-plaintext`, else the value).
import { describe, expect, it } from 'vitest'
import { tryItExamples, tryItPanel } from './api-reference'

const getToken = {
  operationId: 'getToken',
  method: 'post',
  'x-encrypted-content': { request: {}, response: {} },
  requestBody: {
    content: {
      'application/json': {
        examples: {
          request: {
            summary: 'Exchange an authorisation code',
            'x-plaintext': { code: 'b0fe997e2b947c0df1906729fca8c6f0', grantType: 'authorization_code' },
            value: { content: 'AAAADHnS…' },
          },
        },
      },
    },
  },
}

describe('the try-it panel of an API reference page', () => {
  it('starts from the decrypted example of an encrypted operation', () => {
    expect(tryItExamples(getToken)).toEqual([
      {
        summary: 'Exchange an authorisation code',
        value: { code: 'b0fe997e2b947c0df1906729fca8c6f0', grantType: 'authorization_code' },
      },
    ])
  })

  it('starts from the value of a plain one, or from {} without examples', () => {
    const getKey = {
      operationId: 'getKey',
      method: 'post',
      requestBody: { content: { 'application/json': { examples: { empty: { value: {} } } } } },
    }
    expect(tryItExamples(getKey)).toEqual([{ summary: 'empty', value: {} }])
    expect(tryItExamples({ operationId: 'getQr', method: 'get' })).toEqual([])
  })

  it('is an MDX element whose props parse back as the operation', () => {
    const mdx = tryItPanel(getToken)
    const m =
      /^\n<TryIt operationId=\{(.*)\} encrypted=\{(.*)\} method=\{(.*)\} examples=\{(.*)\} \/>\n\n$/.exec(mdx)
    expect(m).not.toBeNull()
    expect(JSON.parse(m![1]!)).toBe('getToken')
    expect(JSON.parse(m![2]!)).toBe(true)
    expect(JSON.parse(m![3]!)).toBe('post')
    expect(JSON.parse(m![4]!)).toEqual(tryItExamples(getToken))
    expect(tryItPanel({ operationId: 'getQr', method: 'get' })).toContain('encrypted={false} method={"get"}')
  })
})
