/** The iAM Smart `source` of the resident's browser, from its User-Agent (reference §6.1). */
import type { Source } from '@iamsmart-sandbox/openapi/client'

export function sourceOf(userAgent = ''): Source {
  const ua = userAgent.toLowerCase()
  if (/iphone|ipad|ipod/.test(ua)) {
    if (ua.includes('edgios')) return 'iOS_Edge'
    if (ua.includes('crios')) return 'iOS_Chrome'
    if (ua.includes('fxios')) return 'iOS_Firefox'
    return 'iOS_Safari'
  }
  if (ua.includes('android')) {
    if (ua.includes('edga')) return 'Android_Edge'
    if (ua.includes('samsungbrowser')) return 'Android_Samsung'
    if (ua.includes('huaweibrowser')) return 'Android_Huawei'
    if (ua.includes('miuibrowser')) return 'Android_Xiaomi'
    if (ua.includes('firefox')) return 'Android_Firefox'
    return 'Android_Chrome'
  }
  return 'PC_Browser'
}
