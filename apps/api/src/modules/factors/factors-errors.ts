import { AppError } from '../../platform/errors/index.ts';

/** The module's own error codes (in the contracts' closed enum); `details.reason` repeats the code. */
export type FactorsErrorCode =
  'STEP_UP_REQUIRED' | 'SECOND_FACTOR_INVALID' | 'LAST_FACTOR_REQUIRED' | 'FACTOR_ALREADY_ENROLLED' | 'FACTOR_NOT_ENROLLED';

export function factorsError(code: FactorsErrorCode, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, code, { reason: code, ...details });
}

/** Too many second-factor attempts: the existing RATE_LIMITED (429), with the seconds until the next try. */
export function attemptsExhausted(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', 'second-factor attempts exhausted', { retryAfterSeconds });
}

/** A unique-constraint violation on either store (SQLite message or PostgreSQL SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as { code?: unknown }).code === '23505' || /UNIQUE constraint failed/.test(error.message);
}
