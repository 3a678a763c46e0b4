import { errorMessage, isErrorCode } from '@sealbridge/contracts';
import type { ErrorCode, Locale } from '@sealbridge/contracts';

export type ValidationIssue = { path: string; message: string };

/**
 * A failed API call, reduced to a code from ERROR_CODES. The server's `message` is deliberately not kept:
 * the web app shows its own translation of the code in the visitor's current language.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, status: number, requestId?: string, details?: Record<string, unknown>) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
    this.details = details;
  }
}

/** The code to assume when a response has an unknown code or none: by status, never guessing 2xx. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 0) return 'SERVICE_UNAVAILABLE';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 422) return 'VALIDATION_FAILED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  if (status === 500) return 'INTERNAL';
  return 'SERVICE_UNAVAILABLE';
}

/** Builds an ApiError from a parsed error body (or anything else the server sent). */
export function toApiError(status: number, body: unknown): ApiError {
  if (body !== null && typeof body === 'object') {
    const { code, requestId, details } = body as Record<string, unknown>;
    return new ApiError(
      isErrorCode(code) ? code : codeForStatus(status),
      status,
      typeof requestId === 'string' ? requestId : undefined,
      details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : undefined,
    );
  }
  return new ApiError('SERVICE_UNAVAILABLE', status);
}

/** The code of any thrown value: non-API failures (network, parse) count as SERVICE_UNAVAILABLE. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'SERVICE_UNAVAILABLE';
}

/** The text to show for a failure, in the given locale, taken from ERROR_CODES. */
export function errorText(error: unknown, locale: Locale): string {
  return errorMessage(errorCodeOf(error), locale);
}

/** Field issues of a 422 VALIDATION_FAILED, or [] for anything else. */
export function validationIssues(error: unknown): ValidationIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is ValidationIssue =>
      issue !== null && typeof issue === 'object' && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
}
