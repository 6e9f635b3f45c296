/** The inspector's append-only JSONL per app under <dataDir>/inspector/ (lowdb mode); one rotated generation. */
import { appendFile, mkdir, open, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { InspectorLog } from './inspector.deps'

/** A log reaching this size is renamed to <clientID>.jsonl.1 (replacing the older one) and a new one started. */
export const ROTATE_BYTES = 20 * 1024 * 1024
/** How much of the end of a log is read to rebuild the tail after a restart. */
const TAIL_READ_BYTES = 4 * 1024 * 1024

export function fileInspectorLog(dataDir: string, rotateBytes = ROTATE_BYTES): InspectorLog {
  const dir = join(dataDir, 'inspector')
  let ready: Promise<unknown> | undefined
  const fileOf = (clientID: string) => {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(clientID))
      throw new Error(`unsafe clientID for a file name: ${clientID}`)
    return join(dir, `${clientID}.jsonl`)
  }
  return {
    async append(clientID, lines) {
      if (lines.length === 0) return
      ready ??= mkdir(dir, { recursive: true, mode: 0o700 })
      await ready
      const file = fileOf(clientID)
      const size = await stat(file).then(
        (s) => s.size,
        () => 0,
      )
      if (size >= rotateBytes) await rename(file, `${file}.1`)
      await appendFile(file, `${lines.join('\n')}\n`, { mode: 0o600 })
    },
    async tail(clientID, limit) {
      let handle
      try {
        handle = await open(fileOf(clientID), 'r')
      } catch {
        return []
      }
      try {
        const { size } = await handle.stat()
        const start = Math.max(0, size - TAIL_READ_BYTES)
        const buf = Buffer.alloc(size - start)
        await handle.read(buf, 0, buf.length, start)
        const lines = buf.toString('utf8').split('\n').filter(Boolean)
        if (start > 0) lines.shift()
        return lines.slice(-limit)
      } finally {
        await handle.close()
      }
    },
  }
}
