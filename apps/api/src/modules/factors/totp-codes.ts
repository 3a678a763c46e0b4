import { generateSecret, verify } from 'otplib';

/** RFC 6238 with the parameters every authenticator app supports: HMAC-SHA1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** 160-bit secrets (RFC 4226 recommends at least 128, prefers 160). */
const SECRET_BYTES = 20;

export const TOTP_ISSUER = 'Sealbridge 封桥';
const LABEL_PREFIX = 'Sealbridge';

/** A fresh base32 secret from the CSPRNG. */
export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/**
 * The otpauth:// URI for the QR code: label "Sealbridge:<account number>" (a pseudonymous number, never a name)
 * and issuer "Sealbridge 封桥". Built here rather than by otplib, which would prefix the label with the issuer.
 */
export function totpKeyUri(secret: string, accountNo: string): string {
  const label = `${encodeURIComponent(LABEL_PREFIX)}:${encodeURIComponent(accountNo)}`;
  const query = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString().replaceAll('+', '%20')}`;
}

/** Accepts what people type: digits with spaces or a hyphen in the middle. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * Checks a code against the current time step and one step either side (±30 s of clock drift), refusing any
 * step at or before `lastAcceptedStep`. Returns the matched time step, which the caller must store atomically to
 * make the code single use; null when the code does not match.
 */
export async function matchTotpStep(secret: string, input: string, at: Date, lastAcceptedStep: number | null): Promise<number | null> {
  const token = normalizeTotpCode(input);
  if (!token) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(at.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    // One period either side of the epoch spans exactly the neighbouring steps, never two away.
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(lastAcceptedStep === null ? {} : { afterTimeStep: lastAcceptedStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The RFC 6238 time step of an instant. */
export function timeStepOf(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}
