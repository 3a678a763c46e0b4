import type { ErrorCode } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';

/**
 * Error codes this module proposes for the closed enum in packages/contracts (factors-contract-additions.md).
 * Until the lead adds them, each is sent as the existing code on the right, with `details.reason` naming the
 * proposed code so the web app can already tell them apart. When the codes land, `factorsError` becomes
 * `new AppError(code, …)` and nothing else changes.
 */
export const FACTORS_ERROR_CODES = {
  STEP_UP_REQUIRED: 'FORBIDDEN',
  SECOND_FACTOR_INVALID: 'VALIDATION_FAILED',
  LAST_FACTOR_REQUIRED: 'CONFLICT',
  FACTOR_ALREADY_ENROLLED: 'CONFLICT',
  FACTOR_NOT_ENROLLED: 'CONFLICT',
} as const satisfies Record<string, ErrorCode>;

export type FactorsErrorCode = keyof typeof FACTORS_ERROR_CODES;

export function factorsError(code: FactorsErrorCode, details: Record<string, unknown> = {}): AppError {
  return new AppError(FACTORS_ERROR_CODES[code], code, { reason: code, ...details });
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
