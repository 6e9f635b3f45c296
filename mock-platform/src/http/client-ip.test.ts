import { describe, expect, it } from 'vitest'
import { resolveClientIp } from './client-ip'

const trusted = new Set(['127.0.0.1', '10.0.0.2'])

describe('client address behind trusted proxies', () => {
  it('believes X-Forwarded-For only from a trusted peer', () => {
    expect(resolveClientIp('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9')
    expect(resolveClientIp('127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1')
    expect(resolveClientIp('127.0.0.1', undefined, trusted)).toBe('127.0.0.1')
  })

  it('takes the nearest untrusted hop: a forged left-most entry does not win', () => {
    expect(resolveClientIp('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.0.0.2', trusted)).toBe('198.51.100.1')
  })

  it('ignores garbage and maps IPv4 on a dual-stack socket', () => {
    expect(resolveClientIp('127.0.0.1', 'not-an-ip', trusted)).toBe('127.0.0.1')
    expect(resolveClientIp('127.0.0.1', '::ffff:198.51.100.7', trusted)).toBe('198.51.100.7')
  })
})
