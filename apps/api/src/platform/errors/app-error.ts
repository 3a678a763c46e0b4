import type { ErrorCode } from '@sealbridge/contracts';

/**
 * The one error type services throw. Its code is from the closed enum in @sealbridge/contracts; the HTTP status
 * and the user-facing text come from the contracts table, never from the thrower. `details` must never carry
 * personal data: it is sent to the client and may be logged.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, internalMessage?: string, details?: Record<string, unknown>) {
    super(internalMessage ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
