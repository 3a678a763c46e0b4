/**
 * The central redaction list. Every logger in the process uses it; the request logger additionally never
 * logs bodies or query strings. Personal data is never logged on purpose — this list is the safety net for
 * the places where a structure that could contain it (headers, errors, job payloads) reaches a log line.
 */
const SECRET_KEYS = ['password', 'newPassword', 'token', 'secret', 'rootKey', 'otp', 'verificationCode', 'plaintext', 'payload'];
/** Containers a log call might pass whole; their secret keys are censored one level down. */
const CONTAINERS = ['body', 'input', 'data', 'profile', 'account', 'params', 'query'];

/*
 * Explicit paths only: pino's leading-wildcard paths (`*.password`) made every log line about five times
 * slower (21 µs instead of 4 µs, measured), which showed up as 8 % of CPU under HTTP load.
 */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  ...SECRET_KEYS,
  ...CONTAINERS.flatMap((container) => SECRET_KEYS.map((key) => `${container}.${key}`)),
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
