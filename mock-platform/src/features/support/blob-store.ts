/** Where attachment bytes live: kept apart from the enquiries (one file each in lowdb mode, see blob-store.file.ts). */

export interface BlobStore {
  /** Resolves once the bytes are durable. */
  put(id: string, bytes: Uint8Array): Promise<void>
  get(id: string): Promise<Uint8Array | undefined>
}

/** Attachment ids are 128-bit hex: safe as file names. */
export const BLOB_ID = /^[0-9a-f]{32}$/

export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, Uint8Array>()
  return {
    async put(id, bytes) {
      blobs.set(id, bytes)
    },
    async get(id) {
      return blobs.get(id)
    },
  }
}
