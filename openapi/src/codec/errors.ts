/** The codec's single error type: a D-code the platform or client maps straight onto its envelope. */

export type CodecErrorCode = 'D30001' | 'D30002' | 'D30003' | 'D30004' | 'D20006'

/**
 * Thrown by the codec for protocol failures, carrying the platform D-code:
 * `D30001` KEK missing / CEK cannot be unwrapped, `D30002` CEK missing or expired,
 * `D30003` encryption failure, `D30004` decryption failure, `D20006` bad signature.
 * Messages never include key material, plaintext or signatures.
 *
 * @example
 * try { await decryptContent(cek, content) } catch (e) { if (isCodecError(e)) reply(e.code) }
 */
export class CodecError extends Error {
  override readonly name = 'CodecError'
  readonly code: CodecErrorCode

  constructor(code: CodecErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export function isCodecError(e: unknown): e is CodecError {
  return e instanceof CodecError
}
