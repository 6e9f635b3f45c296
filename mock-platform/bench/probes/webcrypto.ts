/** Probe: CPU per HMAC-SHA256 / AES-256-GCM op, Web Crypto (what the codec uses) vs node:crypto (`tsx bench/probes/webcrypto.ts`). */
import { createCipheriv, createHmac, randomBytes } from 'node:crypto'

const N = 20_000
const secret = 'x'.repeat(48)
const message = new TextEncoder().encode('a'.repeat(400))
const rawKey = randomBytes(32)
const iv = randomBytes(12)
const hmacKey = await crypto.subtle.importKey(
  'raw',
  new TextEncoder().encode(secret),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['sign'],
)
const aesKey = await crypto.subtle.importKey('raw', rawKey, { name: 'AES-GCM' }, false, ['encrypt'])

/** CPU µs per op with `concurrency` ops in flight (50 ≈ the bench's connections), after a warm-up. */
async function cpuPerOp(op: () => unknown, concurrency: number): Promise<number> {
  const run = async () => {
    let i = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (i++ < N) await op()
      }),
    )
  }
  await run()
  const c0 = process.cpuUsage()
  await run()
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / N
}

const ops: Array<[string, () => unknown]> = [
  ['Web Crypto HMAC-SHA256 sign', () => crypto.subtle.sign('HMAC', hmacKey, message)],
  ['node:crypto createHmac', () => createHmac('sha256', secret).update(message).digest('base64')],
  ['Web Crypto AES-256-GCM encrypt', () => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aesKey, message)],
  [
    'node:crypto createCipheriv aes-256-gcm',
    () => {
      const c = createCipheriv('aes-256-gcm', rawKey, iv)
      c.update(message)
      c.final()
      return c.getAuthTag()
    },
  ],
]
for (const [label, op] of ops) {
  const seq = await cpuPerOp(op, 1)
  const par = await cpuPerOp(op, 50)
  console.log(
    `${label.padEnd(40)} ${seq.toFixed(1).padStart(6)} µs CPU/op sequential, ${par.toFixed(1).padStart(6)} µs with 50 in flight`,
  )
}
