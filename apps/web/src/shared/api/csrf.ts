/** Name of the readable cookie the server sets at sign-in; its value goes back in the x-csrf-token header. */
export const CSRF_COOKIE = 'sb_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The current CSRF token, or undefined before sign-in. */
export function readCsrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === CSRF_COOKIE) {
      const value = part.slice(separator + 1).trim();
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}
