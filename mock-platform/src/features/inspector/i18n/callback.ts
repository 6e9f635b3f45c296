/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), callbacks to the app: refused, HTTP errors, time-outs, unreachable. */
import { type Entry, re } from './kit'

export const callback: Record<string, Entry> = {
  'callback-refused': {
    exact: {
      'Register a publicly reachable https URL, or run the sandbox locally to call localhost.': {
        'zh-HK': '登記一個可公開連接的 https URL，或在本機運行沙盒以呼叫 localhost。',
        'zh-CN': '注册一个可公开连接的 https URL，或在本机运行沙盒以调用 localhost。',
      },
    },
    rules: [
      [
        re(`The callback URL may not be called: (.*)`),
        { 'zh-HK': (m) => `不可呼叫該回調 URL：${m[1]}`, 'zh-CN': (m) => `不可调用该回调 URL：${m[1]}` },
      ],
      [
        re(
          `The sandbox refuses (\\S+): it never calls link-local, metadata, unspecified, multicast or broadcast addresses, and a hosted sandbox never calls loopback, private or its own addresses either \\(names are resolved once and every address they resolve to is checked\\)\\.`,
        ),
        {
          'zh-HK': (m) =>
            `沙盒拒絕 ${m[1]}：它永不呼叫鏈路本地、中繼資料、未指定、多點傳送或廣播位址，託管的沙盒亦永不呼叫本機迴路、私人或其自身的位址（名稱只解析一次，解析所得的每個位址都會被檢查）。`,
          'zh-CN': (m) =>
            `沙盒拒绝 ${m[1]}：它永不调用链路本地、元数据、未指定、组播或广播地址，托管的沙盒亦永不调用本地环回、私人或其自身的地址（名称只解析一次，解析所得的每个地址都会被检查）。`,
        },
      ],
    ],
  },
  'callback-http-error': {
    rules: [
      [
        re(`Your callback endpoint answered HTTP (.+) on all (\\d+) tries`),
        {
          'zh-HK': (m) => `你的回調端點在全部 ${m[2]} 次嘗試都回應 HTTP ${m[1]}`,
          'zh-CN': (m) => `你的回调端点在全部 ${m[2]} 次尝试都响应 HTTP ${m[1]}`,
        },
      ],
      [
        re(`Tries at (.+) to (\\S+); only a 2xx counts as received \\(redirects are not followed\\)\\.`),
        {
          'zh-HK': (m) => `於 ${m[1]} 嘗試發送到 ${m[2]}；只有 2xx 才算已收到（不會跟隨重新導向）。`,
          'zh-CN': (m) => `于 ${m[1]} 尝试发送到 ${m[2]}；只有 2xx 才算已收到（不会跟随重定向）。`,
        },
      ],
    ],
  },
  'callback-timeout': {
    rules: [
      [
        re(`Your callback endpoint did not answer in time \\((\\d+) tries\\)`),
        {
          'zh-HK': (m) => `你的回調端點沒有及時回應（${m[1]} 次嘗試）`,
          'zh-CN': (m) => `你的回调端点没有及时响应（${m[1]} 次尝试）`,
        },
      ],
      [
        re(`The last try to (\\S+) gave: (.*)\\.`),
        {
          'zh-HK': (m) => `最後一次嘗試發送到 ${m[1]} 的結果：${m[2]}。`,
          'zh-CN': (m) => `最后一次尝试发送到 ${m[1]} 的结果：${m[2]}。`,
        },
      ],
    ],
  },
  'callback-unreachable': {
    exact: {
      'Check that the URL is reachable from the sandbox (DNS, TLS certificate, firewall) and that your server is running.':
        {
          'zh-HK': '確認從沙盒可以連接該 URL（DNS、TLS 證書、防火牆），而且你的伺服器正在運行。',
          'zh-CN': '确认从沙盒可以连接该 URL（DNS、TLS 证书、防火墙），而且你的服务器正在运行。',
        },
    },
    rules: [
      [
        re(`Your callback endpoint could not be reached \\((\\d+) tries\\)`),
        {
          'zh-HK': (m) => `無法連接你的回調端點（${m[1]} 次嘗試）`,
          'zh-CN': (m) => `无法连接你的回调端点（${m[1]} 次尝试）`,
        },
      ],
      [
        re(`The last try to (\\S+) failed with: (.*)\\.`),
        {
          'zh-HK': (m) => `最後一次嘗試發送到 ${m[1]} 失敗：${m[2] === 'no answer' ? '沒有回應' : m[2]}。`,
          'zh-CN': (m) => `最后一次尝试发送到 ${m[1]} 失败：${m[2] === 'no answer' ? '没有响应' : m[2]}。`,
        },
      ],
    ],
  },
}
