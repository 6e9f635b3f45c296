// Near misses between a redirect URI sent and one registered: each kind of slip is named.
import { describe, expect, it } from 'vitest'
import { nearMiss } from './diagnose-uri'

const REGISTERED = 'https://osp.example/return'

describe('nearMiss', () => {
  it.each([
    ['https://osp.example/return/', 'has a trailing slash'],
    ['https://OSP.example/Return', 'differs only in upper/lower case'],
    ['http://osp.example/return', 'uses http where https is registered'],
    ['https://osp.example/return?x=1', 'differs only in the query string'],
    ['https://osp.example:8443/return', 'uses port 8443 where the default port is registered'],
    ['https://www.osp.example/return', 'differs only by "www."'],
    [encodeURIComponent(encodeURIComponent(REGISTERED)), 'is URL-encoded twice'],
  ])('%s %s', (sent, why) => expect(nearMiss(sent, REGISTERED)).toBe(why))

  it('says nothing for an unrelated URI or an exact match', () => {
    expect(nearMiss('https://evil.example/return', REGISTERED)).toBeUndefined()
    expect(nearMiss(REGISTERED, REGISTERED)).toBeUndefined()
    expect(nearMiss('https://osp.example/return', 'https://osp.example/return/')).toBe(
      'lacks the trailing slash',
    )
  })
})
