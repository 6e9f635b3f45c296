/** The support feature's entry: the support desk, its blob stores and the business-hours calendar. */
import type { DocumentStore } from '../../store/documents'
import { memoryBlobStore } from './blob-store'
import { Desk, type DeskDeps } from './desk'

export * from './blob-store'
export * from './business-hours'
export * from './desk'
export * from './support.types'

/** The support desk, its attachments in files in lowdb mode (Node only, loaded then), else in memory. */
export async function createDesk(documents: DocumentStore, d: Omit<DeskDeps, 'blobs'>): Promise<Desk> {
  const blobs =
    d.config.storage === 'lowdb'
      ? (await import('./blob-store.file')).fileBlobStore(d.config.dataDir)
      : memoryBlobStore()
  return Desk.open(documents, { ...d, blobs })
}
