/** `createIamSmartClient`: the typed iAM Smart back-channel client (sign, CEK cache, encrypt, retry once on D3000x). */
import { CodecError, decryptJson, encryptJson } from '../codec'
import { type CallbackBody, decryptCallback } from './callback'
import { CekStore, GET_KEY_PATH, type KekPrivateKey } from './cek-store'
import { buildGetQrUrl, type GetQrUrlOptions } from './get-qr-url'
import {
  type CallbackKind,
  type OperationMethods,
  type PlatformCallbackTypes,
  type PostOperationId,
  platformOperations,
  type RequestArgs,
  type ResponseOf,
} from './operations'
import { type IamSmartResult, platformFailure, protocolFailure, SUCCESS_CODE, success } from './result'
import { createSignedPost, type FetchLike, type IamSmartLogger } from './transport'

export interface IamSmartClientOptions {
  /** The API root including `/api/v1`, e.g. `http://localhost:3000/api/v1`. */
  baseUrl: string
  clientID: string
  clientSecret: string
  /** KEK private keys: key A and optionally key B (PEM PKCS#8/PKCS#1 or JWK). */
  kekPrivateKeys: KekPrivateKey[]
  /** A `fetch`-compatible function (default the global `fetch`), e.g. `(input, init) => fetch(input, init)`. */
  fetch?: FetchLike
  /** Abort each HTTP exchange after this many ms: a `TIMEOUT` transport error (default 30 000; 0 never). */
  timeoutMs?: number
  /**
   * Called for every request and its response or error (secrets masked: the signature, tokens, `content`
   * and `secretKey` are never shown). Exceptions it throws are ignored. E.g. `log: (e) => console.debug(e)`.
   */
  log?: IamSmartLogger
  /** Clock in epoch ms (tests move it); used for `timestamp` and CEK expiry. */
  now?: () => number
  /** Refresh the CEK this long before `issueAt + expiresIn` (default 60 000 ms). */
  refreshBeforeMs?: number
  /** Cache the CEK a callback brings when it differs from the cached one (default true, as the official sample). */
  adoptCallbackCek?: boolean
}

export type IamSmartClient = OperationMethods & {
  /** Generic form of the typed methods: `client.call('getToken', { code, grantType })`. */
  call<K extends PostOperationId>(opId: K, ...args: RequestArgs<K>): Promise<IamSmartResult<ResponseOf<K>>>
  /** The getQR URL to send the resident's browser to. */
  buildGetQrUrl(o: GetQrUrlOptions): string
  /** Decrypts a callback POST body; match `businessID`/`state` to a request you made before trusting it. */
  decryptCallback<K extends CallbackKind = CallbackKind>(
    body: CallbackBody,
  ): Promise<IamSmartResult<PlatformCallbackTypes[K]>>
}

/** Envelope codes after which the client fetches a new CEK and retries once (reference §2.4). */
const KEY_ERROR_CODES: ReadonlySet<string> = new Set(['D30001', 'D30002', 'D30003', 'D30004'])

/**
 * Creates the client. Throws a TypeError at once for a missing option or an unusable KEK private
 * key (configuration errors); every call outcome afterwards is an `IamSmartResult` value.
 *
 * @example
 * const client = createIamSmartClient({ baseUrl, clientID, clientSecret, kekPrivateKeys: [keyA, keyB] })
 * const token = await client.getToken({ code, grantType: 'authorization_code' })
 * if (token.ok) console.log(token.data.openID)
 * else console.error(token.error.kind, token.error.code, token.error.message)
 */
export function createIamSmartClient(options: IamSmartClientOptions): IamSmartClient {
  for (const name of ['baseUrl', 'clientID', 'clientSecret'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') throw new TypeError(`${name} is required`)
  }
  if (!Array.isArray(options.kekPrivateKeys) || options.kekPrivateKeys.length === 0) {
    throw new TypeError('kekPrivateKeys needs at least one KEK private key')
  }
  const now = options.now ?? Date.now
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const post = createSignedPost({ ...options, baseUrl, now })
  let store: CekStore
  try {
    store = new CekStore(post, options.kekPrivateKeys, now, options.refreshBeforeMs ?? 60_000)
  } catch (cause) {
    throw new TypeError('kekPrivateKeys contains a key that is not a usable RSA (≥ 2048-bit) private key', {
      cause,
    })
  }

  async function getKey(): Promise<IamSmartResult<unknown>> {
    const grant = await store.refresh()
    return grant.ok ? success(grant.envelope.content, grant.envelope.txID) : grant
  }

  async function plain(path: string, request: unknown): Promise<IamSmartResult<unknown>> {
    const res = await post(path, JSON.stringify(request ?? {}))
    if (!res.ok) return res
    if (res.envelope.code !== SUCCESS_CODE || res.status < 200 || res.status > 299) {
      return platformFailure(res.envelope, res.status)
    }
    return success(res.envelope.content, res.envelope.txID)
  }

  async function encrypted(path: string, request: unknown): Promise<IamSmartResult<unknown>> {
    for (let attempt = 0; ; attempt++) {
      const key = await store.current()
      if (!key.ok) return key
      let content: string
      try {
        content = await encryptJson(key.cek, request ?? {})
      } catch (e) {
        return protocolFailure(
          'D30003',
          e instanceof CodecError ? e.message : 'request could not be encrypted',
        )
      }
      const res = await post(path, JSON.stringify({ content }))
      if (!res.ok) return res
      const { envelope, status } = res
      if (envelope.code !== SUCCESS_CODE || status < 200 || status > 299) {
        if (attempt === 0 && KEY_ERROR_CODES.has(envelope.code)) {
          store.invalidate(key.cek)
          continue
        }
        return platformFailure(envelope, status)
      }
      if (envelope.content === null) return success(null, envelope.txID)
      if (typeof envelope.content !== 'string') {
        return protocolFailure(
          'D30004',
          'encrypted response content is not a string',
          envelope.txID || undefined,
        )
      }
      try {
        return success(await decryptJson(key.cek, envelope.content), envelope.txID)
      } catch (e) {
        const message = e instanceof CodecError ? e.message : 'response content could not be decrypted'
        return protocolFailure('D30004', message, envelope.txID || undefined)
      }
    }
  }

  async function call(opId: PostOperationId, request?: unknown): Promise<IamSmartResult<unknown>> {
    const op = (platformOperations as Record<string, { method: string; path: string; encrypted: boolean }>)[
      opId
    ]
    if (op?.method !== 'post') throw new TypeError(`unknown POST operation "${String(opId)}"`)
    if (op.path === GET_KEY_PATH) return getKey()
    if (opId === 'revokeKey') {
      store.clear()
      const result = await plain(op.path, request)
      store.clear()
      return result
    }
    const result = await (op.encrypted ? encrypted(op.path, request) : plain(op.path, request))
    return opId === 'getToken' ? withExpiresIn(result) : result
  }

  const methods = Object.fromEntries(
    Object.entries(platformOperations)
      .filter(([, op]) => op.method === 'post')
      .map(([opId]) => [opId, (request?: unknown) => call(opId as PostOperationId, request)]),
  ) as unknown as OperationMethods

  return {
    ...methods,
    call: call as IamSmartClient['call'],
    buildGetQrUrl: (o) => buildGetQrUrl(baseUrl, options.clientID, o),
    decryptCallback: (body) => decryptCallback(store, body, options.adoptCallbackCek ?? true),
  }
}

/** getToken's lifetime is `expiresIn`; the G1 sample DTO (and the `expire-in` compatibility profile) says `expireIn`. */
function withExpiresIn(result: IamSmartResult<unknown>): IamSmartResult<unknown> {
  if (!result.ok || result.data === null || typeof result.data !== 'object') return result
  const data = result.data as { expiresIn?: unknown; expireIn?: unknown }
  if (data.expiresIn !== undefined || typeof data.expireIn !== 'number') return result
  return { ...result, data: { ...data, expiresIn: data.expireIn } }
}
