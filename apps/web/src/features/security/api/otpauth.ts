/** A base32 secret in groups of four for typing by hand ("JBSW Y3DP EHPK 3PXP"). */
export function groupSecret(secret: string, size = 4): string {
  const clean = secret.replace(/\s+/g, '').toUpperCase();
  return clean.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? '';
}

export type OtpauthParts = { issuer: string | null; account: string | null; secret: string | null; digits: number; period: number };

/**
 * Reads an otpauth://totp/ URI (Key Uri Format): the label's issuer and account, the secret, digits and period.
 * Null for anything that is not a TOTP URI.
 */
export function parseOtpauthUri(uri: string): OtpauthParts | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'otpauth:' || url.hostname.toLowerCase() !== 'totp') return null;
  const label = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const colon = label.indexOf(':');
  const issuerFromLabel = colon >= 0 ? label.slice(0, colon).trim() : null;
  const account = (colon >= 0 ? label.slice(colon + 1) : label).trim() || null;
  const digits = Number(url.searchParams.get('digits') ?? 6);
  const period = Number(url.searchParams.get('period') ?? 30);
  return {
    issuer: url.searchParams.get('issuer') ?? issuerFromLabel,
    account,
    secret: url.searchParams.get('secret'),
    digits: Number.isInteger(digits) && digits > 0 ? digits : 6,
    period: Number.isInteger(period) && period > 0 ? period : 30,
  };
}
