import { currentLocale } from '../i18n/i18n.ts';
import { ApiError, toApiError } from './api-error.ts';
import { CSRF_HEADER, readCsrfToken } from './csrf.ts';
import type { Parse } from './http-client.ts';

/**
 * POSTs a JSON body (typically a document as base64) with XMLHttpRequest, because fetch cannot report how much of
 * the body has left: `onProgress` gets 0..1 as it is sent. Answers and failures are mapped exactly as
 * `apiRequest` maps them (error codes from ERROR_CODES, a contract-violating 2xx is INTERNAL).
 */
export function apiUpload<T>(path: string, parse: Parse<T>, body: unknown, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.setRequestHeader('Content-Type', 'application/json');
    const token = readCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError('SERVICE_UNAVAILABLE', 0));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = xhr.responseText === '' ? undefined : (JSON.parse(xhr.responseText) as unknown);
      } catch {
        reject(new ApiError('SERVICE_UNAVAILABLE', xhr.status));
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(toApiError(xhr.status, parsed));
        return;
      }
      onProgress(1);
      try {
        resolve(parse(parsed));
      } catch {
        reject(new ApiError('INTERNAL', xhr.status));
      }
    };
    xhr.send(JSON.stringify(body));
  });
}
