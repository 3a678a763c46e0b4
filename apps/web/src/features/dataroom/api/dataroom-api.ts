import {
  ZDataroom,
  ZDataroomAnalytics,
  ZDataroomDocument,
  ZDataroomFolder,
  ZDataroomList,
  ZIdentifyResult,
  ZPermissionMatrix,
  ZQuestion,
  ZQuestionList,
  ZRedactionProposal,
} from '@sealbridge/contracts';
import type { DataroomLevel, TDataroomDocument, TIdentifyResult, TRedactionBox } from '@sealbridge/contracts';
import { toApiError } from '../../../shared/api/api-error.ts';
import { CSRF_HEADER, readCsrfToken } from '../../../shared/api/csrf.ts';
import { apiRequest } from '../../../shared/api/http-client.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';

const room = (listingId: string) => `/api/dataroom/${encodeURIComponent(listingId)}`;
const doc = (listingId: string, documentId: string) => `${room(listingId)}/documents/${encodeURIComponent(documentId)}`;

export const dataroomApi = {
  rooms: (signal?: AbortSignal) => apiRequest('/api/dataroom/rooms', (v) => ZDataroomList.parse(v), { signal }),
  room: (listingId: string, signal?: AbortSignal) => apiRequest(room(listingId), (v) => ZDataroom.parse(v), { signal }),
  createFolder: (listingId: string, name: string, parentId: string | null) =>
    apiRequest(`${room(listingId)}/folders`, (v) => ZDataroomFolder.parse(v), { method: 'POST', body: { name, parentId } }),
  release: (listingId: string, documentId: string, versionId: string) =>
    apiRequest(`${doc(listingId, documentId)}/release`, (v) => ZDataroomDocument.parse(v), { method: 'POST', body: { versionId } }),
  matrix: (listingId: string, signal?: AbortSignal) =>
    apiRequest(`${room(listingId)}/permissions`, (v) => ZPermissionMatrix.parse(v), { signal }),
  setLevel: (listingId: string, grantId: string, target: { type: 'document' | 'folder'; id: string }, level: DataroomLevel) =>
    apiRequest(`${room(listingId)}/permissions`, (v) => ZPermissionMatrix.parse(v), { method: 'PUT', body: { grantId, target, level } }),
  questions: (listingId: string, signal?: AbortSignal) =>
    apiRequest(`${room(listingId)}/questions`, (v) => ZQuestionList.parse(v), { signal }),
  ask: (listingId: string, text: string, documentId: string | null) =>
    apiRequest(`${room(listingId)}/questions`, (v) => ZQuestion.parse(v), { method: 'POST', body: { text, documentId } }),
  answer: (listingId: string, questionId: string, text: string) =>
    apiRequest(`${room(listingId)}/questions/${encodeURIComponent(questionId)}/answer`, (v) => ZQuestion.parse(v), {
      method: 'POST',
      body: { text },
    }),
  publish: (listingId: string, questionId: string, published: boolean) =>
    apiRequest(`${room(listingId)}/questions/${encodeURIComponent(questionId)}/publish`, (v) => ZQuestion.parse(v), {
      method: 'POST',
      body: { published },
    }),
  analytics: (listingId: string, signal?: AbortSignal) =>
    apiRequest(`${room(listingId)}/analytics`, (v) => ZDataroomAnalytics.parse(v), { signal }),
  analyticsCsvUrl: (listingId: string) => `${room(listingId)}/analytics?format=csv`,
  proposal: (listingId: string, documentId: string, versionId?: string) =>
    apiRequest(`${doc(listingId, documentId)}/redaction`, (v) => ZRedactionProposal.parse(v), { query: { version: versionId } }),
  redact: (listingId: string, documentId: string, versionId: string, boxes: TRedactionBox[]) =>
    apiRequest(`${doc(listingId, documentId)}/redaction`, (v) => ZDataroomDocument.parse(v), {
      method: 'POST',
      body: { versionId, boxes },
    }),
  pageUrl: (listingId: string, documentId: string, page: number, versionId?: string) =>
    `${doc(listingId, documentId)}/pages/${page}${versionId ? `?version=${encodeURIComponent(versionId)}` : ''}`,
  downloadUrl: (listingId: string, documentId: string, form: 'watermarked' | 'original') =>
    `${doc(listingId, documentId)}/download?form=${form}`,
};

/** Time on page, reported by the viewer; `keepalive` so the last beacon survives closing the tab. */
export function sendBeacons(listingId: string, beacons: { documentId: string; page: number; dwellMs: number }[]): void {
  if (beacons.length === 0) return;
  const token = readCsrfToken();
  void fetch(`${room(listingId)}/beacons`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...(token ? { [CSRF_HEADER]: token } : {}) },
    body: JSON.stringify({ beacons }),
  }).catch(() => undefined);
}

/**
 * A multipart upload through XMLHttpRequest, for its upload progress events (fetch has none). `onProgress` gets
 * 0..1 while bytes leave the browser; after that the server encrypts, checks and converts before it answers.
 */
function multipartRequest<T>(url: string, form: FormData, parse: (v: unknown) => T, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const token = readCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(parse(body));
        } catch (error) {
          reject(error);
        }
      } else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(toApiError(0, undefined));
    xhr.send(form);
  });
}

export function uploadDocument(
  listingId: string,
  input: { title: string; folderId: string | null; file: File },
  onProgress: (fraction: number) => void,
): Promise<TDataroomDocument> {
  const form = new FormData();
  form.append('title', input.title);
  if (input.folderId) form.append('folderId', input.folderId);
  form.append('file', input.file);
  return multipartRequest(`${room(listingId)}/documents`, form, (v) => ZDataroomDocument.parse(v), onProgress);
}

export function uploadVersion(
  listingId: string,
  documentId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<TDataroomDocument> {
  const form = new FormData();
  form.append('file', file);
  return multipartRequest(`${doc(listingId, documentId)}/versions`, form, (v) => ZDataroomDocument.parse(v), onProgress);
}

export function identifyLeak(file: File): Promise<TIdentifyResult> {
  const form = new FormData();
  form.append('file', file);
  return multipartRequest(
    '/api/dataroom/identify',
    form,
    (v) => ZIdentifyResult.parse(v),
    () => undefined,
  );
}
