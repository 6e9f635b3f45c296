/** The inspector's diagnoses in Chinese, keyed by diagnosis id: every area's sentences, zh-HK and zh-CN side by side. */
import type { Entry } from './kit'
import { request } from './request'
import { limits } from './limits'
import { content } from './content'
import { login } from './login'
import { callback } from './callback'
import { keys } from './keys'
import { signature } from './signature'
import { signatureBody } from './signature-body'

export { shared, words } from './words'

export const entries: Record<string, Entry> = {
  ...request,
  ...limits,
  ...content,
  ...login,
  ...callback,
  ...keys,
  ...signature,
  ...signatureBody,
}
