/** Password hashing: scrypt (node:crypto) with a per-user 16-byte salt, verified in constant time. */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto'

const PARAMS = { N: 16_384, r: 8, p: 1 } as const
const KEY_LENGTH = 32
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256

function derive(password: string, salt: Buffer, o: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, { ...o, maxmem: 64 * 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  )
}

/** `scrypt$16384$8$1$<salt b64>$<hash b64>`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS, KEY_LENGTH)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: +n!, r: +r!, p: +p! }, expected.length)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummy: Promise<string> | undefined
/** A hash to verify against when the email is unknown, so both failures take the same time. */
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('not-a-real-password-0000'))

/** Why a password cannot be used, or undefined. */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'must be a string'
  if ([...password].length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`
  return undefined
}

/** Why an email address cannot be used, or undefined. */
export function emailProblem(email: unknown): string | undefined {
  if (typeof email !== 'string' || email.length > 254) return 'must be an email address'
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(email)
    ? undefined
    : 'must be an email address'
}
