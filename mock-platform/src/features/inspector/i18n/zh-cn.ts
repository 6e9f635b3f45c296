/** The inspector's diagnoses in Simplified Chinese (zh-CN): one table of the areas' sentences. */
import type { Table } from './kit'
import { request } from './zh-cn.request'
import { login } from './zh-cn.login'
import { callback } from './zh-cn.callback'
import { keys } from './zh-cn.keys'
import { signature } from './zh-cn.signature'
import { shared, words } from './zh-cn.words'

export const zhCN: Table = {
  words,
  shared,
  entries: { ...request, ...login, ...callback, ...keys, ...signature },
}
