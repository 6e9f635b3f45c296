/** Attachment bytes as files under <dataDir>/support-attachments (mode 0600), written atomically and synced. */
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { BLOB_ID, type BlobStore } from './blob-store'

export function fileBlobStore(dataDir: string): BlobStore {
  const dir = join(dataDir, 'support-attachments')
  let ready: Promise<unknown> | undefined
  const fileOf = (id: string) => {
    if (!BLOB_ID.test(id)) throw new Error(`unsafe attachment id: ${id}`)
    return join(dir, id)
  }
  return {
    async put(id, bytes) {
      ready ??= mkdir(dir, { recursive: true, mode: 0o700 })
      await ready
      const file = fileOf(id)
      const handle = await open(`${file}.tmp`, 'w', 0o600)
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(`${file}.tmp`, file)
    },
    async get(id) {
      if (!BLOB_ID.test(id)) return undefined
      return readFile(fileOf(id)).then(
        (b) => new Uint8Array(b),
        () => undefined,
      )
    },
  }
}
