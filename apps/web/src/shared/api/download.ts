import { currentLocale } from '../i18n/i18n.ts';
import { ApiError, toApiError } from './api-error.ts';

/** The file name a Content-Disposition header gives, when it gives a plain one. */
export function dispositionFilename(header: string | null): string | undefined {
  const match = /filename="([^"/\\]{1,200})"/.exec(header ?? '');
  return match?.[1];
}

/**
 * Downloads a file the API serves (a PDF certificate, an audit export): fetched with the session cookie, handed to the
 * browser as a blob: URL for the "save" it offers, then the URL is revoked. A failure is an ApiError with the server's
 * code. The file takes the name the Content-Disposition header gives, else `fallbackName`; `{ named: true }` always
 * uses `fallbackName` (a name the page chose, such as the days of an export).
 */
export async function downloadFile(path: string, fallbackName: string, options: { named?: boolean } = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept-Language': currentLocale() } });
  } catch {
    throw new ApiError('SERVICE_UNAVAILABLE', 0);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = (!options.named && dispositionFilename(response.headers.get('content-disposition'))) || fallbackName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the object URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Base64 of a file's bytes (no data: prefix), read in chunks so large documents do not overflow the call stack. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The document kind by its first bytes, as the server checks it: PDF, JPEG or PNG, or null for anything else. */
export async function documentKind(file: Blob): Promise<'application/pdf' | 'image/jpeg' | 'image/png' | null> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d) return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return png.every((b, i) => head[i] === b) ? 'image/png' : null;
}
