/** The OSP side of the protocol for the bench: signing, AES-GCM and CEK unwrap from the independent reference client. */
import { randomBytes, type KeyObject } from 'node:crypto'
import {
  aesDecrypt,
  aesEncrypt,
  type Envelope,
  signatureHeader,
  unwrapCek,
} from '../../test/reference-client'
import { BENCH_RETURN_URI } from '../servers/platform'
import type { HttpClient } from './http'

export interface OspCredentials {
  clientID: string
  clientSecret: string
  privateKey: KeyObject
  /** getQR's redirectURI: the bench app's (default), or e.g. the demo app's when the bench drives `npm start`'s server. */
  redirectURI?: string
}

export interface SignedRequest {
  headers: Record<string, string>
  body: string
  timestamp: number
}

/** Thrown when the platform answers something a correct journey never gets. */
export class UnexpectedAnswer extends Error {}

export class Osp {
  cek: Buffer | undefined
  /**
   * The nonce of the last request signed. A call signs synchronously before its first await, so reading this right
   * after starting a call names that call's nonce (the hosted soak finds each acknowledged call in the request log).
   */
  lastNonce = ''
  constructor(
    readonly http: Pick<HttpClient, 'send'>,
    readonly creds: OspCredentials,
  ) {}

  /** The five signed headers plus Content-Type for exactly `body`, with a fresh 128-bit nonce. */
  sign(body: string, now = Date.now()): SignedRequest {
    const timestamp = String(now)
    const nonce = randomBytes(16).toString('hex')
    this.lastNonce = nonce
    return {
      timestamp: now,
      body,
      headers: {
        'Content-Type': 'application/json',
        clientID: this.creds.clientID,
        signatureMethod: 'HmacSHA256',
        timestamp,
        nonce,
        signature: signatureHeader(this.creds.clientID, this.creds.clientSecret, timestamp, nonce, body),
      },
    }
  }

  /** `{"content": AES-GCM(CEK, JSON(request))}`, signed. */
  signEncrypted(request: unknown, now = Date.now()): SignedRequest {
    if (!this.cek) throw new Error('call getKey first')
    return this.sign(JSON.stringify({ content: aesEncrypt(this.cek, JSON.stringify(request)) }), now)
  }

  decrypt<T>(content: string): T {
    return JSON.parse(aesDecrypt(this.cek!, content)) as T
  }

  async getKey(): Promise<void> {
    const s = this.sign('{}')
    const res = await this.http.send('POST', '/api/v1/security/getKey', s.headers, s.body)
    const env = JSON.parse(res.body) as Envelope<{ secretKey: string } | null>
    if (env.code !== 'D00000' || !env.content) throw new UnexpectedAnswer(`getKey answered ${env.code}`)
    this.cek = unwrapCek(env.content.secretKey, this.creds.privateKey)
  }

  /** A signed, encrypted call; throws unless the envelope code is D00000. Returns the decrypted content. */
  async call<T>(path: string, request: unknown): Promise<T> {
    const s = this.signEncrypted(request)
    const res = await this.http.send('POST', `/api/v1${path}`, s.headers, s.body)
    if (res.status !== 200) throw new UnexpectedAnswer(`${path} answered HTTP ${res.status}`)
    const env = JSON.parse(res.body) as Envelope<string | null>
    if (env.code !== 'D00000') throw new UnexpectedAnswer(`${path} answered ${env.code}`)
    if (typeof env.content !== 'string') throw new UnexpectedAnswer(`${path} answered no content`)
    return this.decrypt<T>(env.content)
  }

  /** Headless getQR (magic-approve resident approves): returns the authorisation code from the 302. */
  async login(state: string, ticketID?: string): Promise<string> {
    const redirectURI = this.creds.redirectURI ?? BENCH_RETURN_URI
    const q = new URLSearchParams({
      clientID: this.creds.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI,
      scope: 'eidapi_auth eidapi_profiles',
      state,
      lang: 'en-US',
    })
    if (ticketID) q.set('ticketID', ticketID)
    const res = await this.http.send('GET', `/api/v1/auth/getQR?${q}`, {
      'X-Sandbox-Resident': 'magic-approve',
      'X-Sandbox-Decision': 'approve',
    })
    const location = res.headers.location
    if (res.status !== 302 || typeof location !== 'string')
      throw new UnexpectedAnswer(`getQR answered HTTP ${res.status}`)
    const p = new URL(location).searchParams
    const code = p.get('code')
    if (!location.startsWith(redirectURI) || !code || p.get('state') !== state) {
      throw new UnexpectedAnswer(`getQR redirected to ${location.replace(/code=[^&]+/, 'code=…')}`)
    }
    return code
  }

  async token(code: string): Promise<{ accessToken: string; openID: string }> {
    return this.call('/auth/getToken', { code, grantType: 'authorization_code' })
  }
}

/** What the bench asks /profiles for in both the signed-call and the journey scenarios. */
export function profilesRequest(t: { accessToken: string; openID: string }): Record<string, unknown> {
  return {
    accessToken: t.accessToken,
    openID: t.openID,
    profileFields: ['enName', 'gender'],
    eMEFields: ['emailAddress'],
  }
}
