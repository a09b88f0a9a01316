/**
 * Errors a user can cause or fix (bad input, refused credentials, unreachable
 * registries). Each surface's single error boundary prints `message` as one
 * line and exits non-zero; anything that is not a UserError is a bug and is
 * reported with its stack only when debugging is on.
 */
export class UserError extends Error {
  override name = 'UserError'
  /** Process exit code the CLI uses for this error. */
  exitCode: number
  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.exitCode = options?.exitCode ?? 1
  }
}

/** Returns the message of anything thrown, without a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
