/** Typed access to the repo copy of the known-answer vectors (test/fixtures/test-vectors.json). */
import vectors from './fixtures/test-vectors.json'

export type TestVectors = typeof vectors
export { vectors }
