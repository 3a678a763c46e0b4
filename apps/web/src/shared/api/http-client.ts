import { currentLocale } from '../i18n/i18n.ts';
import { ApiError, toApiError } from './api-error.ts';
import { CSRF_HEADER, readCsrfToken } from './csrf.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
};

/** A parser such as a zod schema's `parse`; it decides what of the response the caller gets to see. */
export type Parse<T> = (value: unknown) => T;

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function buildHeaders(method: Method, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLocale() });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  return headers;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for('not-json');
  }
}

/**
 * Calls the API under /api. Resolves with the parsed body; rejects with an ApiError whose code comes from
 * ERROR_CODES — SERVICE_UNAVAILABLE when the network fails or the server answers with something that is not
 * JSON. Aborts are re-thrown untouched so callers can ignore them.
 */
export async function apiRequest<T>(path: string, parse: Parse<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('SERVICE_UNAVAILABLE', 0);
  }
  const body = await readJson(response);
  if (!response.ok) throw toApiError(response.status, typeof body === 'symbol' ? undefined : body);
  if (typeof body === 'symbol') throw new ApiError('SERVICE_UNAVAILABLE', response.status);
  try {
    return parse(body);
  } catch {
    // The server answered 2xx with a shape the contract does not allow: treat it as a server fault.
    throw new ApiError('INTERNAL', response.status);
  }
}

/** For endpoints that answer 204 No Content. */
export const noContent: Parse<void> = () => undefined;
