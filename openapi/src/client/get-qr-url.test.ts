/** The getQR URL is built byte-exactly (reference §3.1). */
import { describe, expect, it } from 'vitest'
import { buildGetQrUrl } from './index'

const base = 'https://sandbox.test/api/v1/'
const redirectURI = 'https://osp.example.hk/callback?from=login&x=1 2'

describe('buildGetQrUrl', () => {
  it('builds the desktop URL with defaults', () => {
    expect(
      buildGetQrUrl(base, 'c1', { redirectURI, scope: 'eidapi_auth eidapi_profiles', state: 'st8' }),
    ).toBe(
      'https://sandbox.test/api/v1/auth/getQR?clientID=c1&responseType=code&source=PC_Browser' +
        '&redirectURI=https%3A%2F%2Fosp.example.hk%2Fcallback%3Ffrom%3Dlogin%26x%3D1%202' +
        '&scope=eidapi_auth%20eidapi_profiles&state=st8&lang=en-US',
    )
  })

  it('defaults brokerPage=true for mobile browser sources and keeps ticketID last', () => {
    expect(
      buildGetQrUrl(base, 'c1', {
        redirectURI: 'https://osp.test/cb',
        scope: ['eidapi_auth'],
        state: 's',
        source: 'iOS_Safari',
        lang: 'zh-HK',
        ticketID: 'T-1',
      }),
    ).toBe(
      'https://sandbox.test/api/v1/auth/getQR?clientID=c1&responseType=code&source=iOS_Safari' +
        '&redirectURI=https%3A%2F%2Fosp.test%2Fcb&scope=eidapi_auth&state=s&lang=zh-HK&brokerPage=true&ticketID=T-1',
    )
  })

  it('omits brokerPage for app sources unless given, and honours an explicit false', () => {
    const common = { redirectURI: 'https://osp.test/cb', scope: 'eidapi_auth', state: 's' }
    expect(buildGetQrUrl(base, 'c1', { ...common, source: 'App_Link' })).not.toContain('brokerPage')
    expect(buildGetQrUrl(base, 'c1', { ...common, source: 'Android_Chrome', brokerPage: false })).toContain(
      '&lang=en-US&brokerPage=false',
    )
    expect(buildGetQrUrl(base, 'c1', { ...common, brokerPage: true })).toMatch(
      /source=PC_Browser.*&brokerPage=true$/,
    )
  })
})
