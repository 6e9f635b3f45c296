/** The inspector's diagnoses in Traditional Chinese (zh-HK): one table of the areas' sentences. */
import type { Table } from './kit'
import { request } from './zh-hk.request'
import { login } from './zh-hk.login'
import { callback } from './zh-hk.callback'
import { keys } from './zh-hk.keys'
import { signature } from './zh-hk.signature'
import { shared, words } from './zh-hk.words'

export const zhHK: Table = {
  words,
  shared,
  entries: { ...request, ...login, ...callback, ...keys, ...signature },
}
