// Attachment bytes on disk (lowdb mode): one file per attachment, read back after a restart; unsafe ids refused.
import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileBlobStore } from './blob-store.file'

describe('file blob store', () => {
  it('writes each attachment to its own file (0600) and reads it back from a new store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blobs-'))
    const id = 'a'.repeat(32)
    await fileBlobStore(dir).put(id, new TextEncoder().encode('trace line\n'))
    expect(readdirSync(join(dir, 'support-attachments'))).toEqual([id])
    expect(statSync(join(dir, 'support-attachments', id)).mode & 0o777).toBe(0o600)
    const again = fileBlobStore(dir)
    expect(new TextDecoder().decode(await again.get(id))).toBe('trace line\n')
    expect(await again.get('b'.repeat(32))).toBeUndefined()
    expect(await again.get('../../etc/passwd')).toBeUndefined()
    await expect(again.put('../x', new Uint8Array([1]))).rejects.toThrow('unsafe attachment id')
  })
})
