/**
 * The central redaction list. Every logger in the process uses it; the request logger additionally never
 * logs bodies or query strings. Personal data is never logged on purpose — this list is the safety net for
 * the places where a structure that could contain it (headers, errors, job payloads) reaches a log line.
 */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'rootKey',
  '*.rootKey',
  'otp',
  '*.otp',
  'verificationCode',
  '*.verificationCode',
  'payload',
  '*.payload',
  'plaintext',
  '*.plaintext',
];

/** Text scrubbers for free-form strings (error messages) that may echo input; modules register more. */
const scrubbers = new Set<(text: string) => string>();

/** Idempotent: registering the same function twice keeps one. */
export function registerLogScrubber(scrub: (text: string) => string): void {
  scrubbers.add(scrub);
}

export function scrubText(text: string): string {
  let out = text;
  for (const scrub of scrubbers) out = scrub(out);
  return out;
}
