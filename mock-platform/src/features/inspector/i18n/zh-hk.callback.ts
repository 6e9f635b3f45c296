/** The inspector's diagnoses in Traditional Chinese (zh-HK), callbacks to the app: refused, HTTP errors, time-outs, unreachable. */
import { type Entry, re } from './kit'

export const callback: Record<string, Entry> = {
  'callback-refused': {
    exact: {
      'Register a publicly reachable https URL, or run the sandbox locally to call localhost.':
        '登記一個可公開連接的 https URL，或在本機運行沙盒以呼叫 localhost。',
    },
    rules: [
      [re(`The callback URL may not be called: (.*)`), (m) => `不可呼叫該回調 URL：${m[1]}`],
      [
        re(
          `The sandbox refuses (\\S+): it never calls link-local, metadata, unspecified, multicast or broadcast addresses, and a hosted sandbox never calls loopback, private or its own addresses either \\(names are resolved once and every address they resolve to is checked\\)\\.`,
        ),
        (m) =>
          `沙盒拒絕 ${m[1]}：它永不呼叫鏈路本地、中繼資料、未指定、多點傳送或廣播位址，託管的沙盒亦永不呼叫本機迴路、私人或其自身的位址（名稱只解析一次，解析所得的每個位址都會被檢查）。`,
      ],
    ],
  },
  'callback-http-error': {
    rules: [
      [
        re(`Your callback endpoint answered HTTP (.+) on all (\\d+) tries`),
        (m) => `你的回調端點在全部 ${m[2]} 次嘗試都回應 HTTP ${m[1]}`,
      ],
      [
        re(`Tries at (.+) to (\\S+); only a 2xx counts as received \\(redirects are not followed\\)\\.`),
        (m) => `於 ${m[1]} 嘗試發送到 ${m[2]}；只有 2xx 才算已收到（不會跟隨重新導向）。`,
      ],
    ],
  },
  'callback-timeout': {
    rules: [
      [
        re(`Your callback endpoint did not answer in time \\((\\d+) tries\\)`),
        (m) => `你的回調端點沒有及時回應（${m[1]} 次嘗試）`,
      ],
      [re(`The last try to (\\S+) gave: (.*)\\.`), (m) => `最後一次嘗試發送到 ${m[1]} 的結果：${m[2]}。`],
    ],
  },
  'callback-unreachable': {
    exact: {
      'Check that the URL is reachable from the sandbox (DNS, TLS certificate, firewall) and that your server is running.':
        '確認從沙盒可以連接該 URL（DNS、TLS 證書、防火牆），而且你的伺服器正在運行。',
    },
    rules: [
      [
        re(`Your callback endpoint could not be reached \\((\\d+) tries\\)`),
        (m) => `無法連接你的回調端點（${m[1]} 次嘗試）`,
      ],
      [
        re(`The last try to (\\S+) failed with: (.*)\\.`),
        (m) => `最後一次嘗試發送到 ${m[1]} 失敗：${m[2] === 'no answer' ? '沒有回應' : m[2]}。`,
      ],
    ],
  },
}
