/** The mock PKI in the data directory: <dataDir>/pki/{root,ca}.{key,crt} and leaves.json; key files mode 0600. */
import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { base64ToBytes, bytesToBase64 } from '@iamsmart-sandbox/openapi/codec'
import { spkiOf } from './certs'
import { generateKeyMaterial, pem } from './keys'
import type { Authority, LeafRecord, PkiState, PkiStore } from './pki.store'

interface LeavesFile {
  crlNumber: number
  leaves: Array<Omit<LeafRecord, 'cert' | 'key'> & { cert: string; pkcs8: string; spki: string }>
}

export function filePkiStore(dataDir: string): PkiStore {
  const dir = join(dataDir, 'pki')
  const path = (name: string) => join(dir, name)
  return {
    location: dir,
    async load() {
      const [root, ca, leaves] = await Promise.all([
        readAuthority(path('root')),
        readAuthority(path('ca')),
        readJson<LeavesFile>(path('leaves.json')),
      ])
      if (!root || !ca) return undefined
      return {
        root,
        ca,
        crlNumber: leaves?.crlNumber ?? 0,
        leaves: (leaves?.leaves ?? []).map(({ cert, pkcs8, spki, ...rest }) => ({
          ...rest,
          cert: base64ToBytes(cert),
          key: { pkcs8: base64ToBytes(pkcs8), spki: base64ToBytes(spki) },
        })),
      }
    },
    async save(state: PkiState) {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await writeAuthority(path('root'), state.root)
      await writeAuthority(path('ca'), state.ca)
      const file: LeavesFile = {
        crlNumber: state.crlNumber,
        leaves: state.leaves.map(({ cert, key, ...rest }) => ({
          ...rest,
          cert: bytesToBase64(cert),
          pkcs8: bytesToBase64(key.pkcs8),
          spki: bytesToBase64(key.spki),
        })),
      }
      await atomicWrite(path('leaves.json'), JSON.stringify(file, null, 1), 0o600)
    },
    newKey: () => generateKeyMaterial(),
  }
}

async function readAuthority(base: string): Promise<Authority | undefined> {
  const [key, cert] = await Promise.all([readText(`${base}.key`), readText(`${base}.crt`)])
  if (!key || !cert) return undefined
  const certDer = fromPem(cert)
  return { key: { pkcs8: fromPem(key), spki: spkiOf(certDer) }, cert: certDer }
}

/** A CA is written once; its files never change afterwards. */
async function writeAuthority(base: string, a: Authority): Promise<void> {
  if (!(await readText(`${base}.key`)))
    await atomicWrite(`${base}.key`, pem('PRIVATE KEY', a.key.pkcs8), 0o600)
  if (!(await readText(`${base}.crt`))) await atomicWrite(`${base}.crt`, pem('CERTIFICATE', a.cert), 0o644)
}

async function atomicWrite(file: string, text: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`
  const fh = await open(tmp, 'w', mode)
  try {
    await fh.writeFile(text)
    await fh.sync()
  } finally {
    await fh.close()
  }
  await chmod(tmp, mode)
  await rename(tmp, file)
}

const fromPem = (text: string): Uint8Array => base64ToBytes(text.replace(/-----[^-]+-----|\s+/g, ''))

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await readText(file)
  return text === undefined ? undefined : (JSON.parse(text) as T)
}
