import { ZDealImage, ZDealList, ZDealView } from '@sealbridge/contracts';
import type { CustodyItem, DealStage, DealStatus, MoneyKind, TDealImage, TDealList, TDealView } from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

const view = (v: unknown): TDealView => ZDealView.parse(v);
const image = (v: unknown): TDealImage => ZDealImage.parse(v);
const post = (path: string, body: unknown = {}) => apiRequest(path, view, { method: 'POST', body });

/** The deal API: one surface for every side; the server decides what each side may do. */
export const dealsApi = {
  list: (status: DealStatus | undefined, signal?: AbortSignal): Promise<TDealList> =>
    apiRequest('/api/deals', (v) => ZDealList.parse(v), { query: { status }, signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest(`/api/deals/${id}`, view, { signal }),
  start: (listingId: string, grantId?: string) => post('/api/deals', grantId ? { listingId, grantId } : { listingId }),
  advance: (id: string, body: { from: DealStage; note?: string; intent?: unknown; agreement?: unknown }) =>
    post(`/api/deals/${id}/advance`, body),
  cancel: (id: string, reason: string, note: string) => post(`/api/deals/${id}/cancel`, { reason, note }),
  mark: (id: string, item: string, body: { done: boolean; remark?: string; documentIds?: string[] }) =>
    apiRequest(`/api/deals/${id}/checklist/${item}`, view, { method: 'PUT', body }),
  uploadPhoto: (id: string, kind: CustodyItem, base64: string) => post(`/api/deals/${id}/custody/${kind}/photo`, { image: base64 }),
  confirm: (id: string, kind: CustodyItem) => post(`/api/deals/${id}/custody/${kind}/confirm`),
  seal: (id: string, kind: CustodyItem, oldSealCancelledOn: string, newSealFiledOn: string) =>
    post(`/api/deals/${id}/custody/${kind}/seal`, { oldSealCancelledOn, newSealFiledOn }),
  applicable: (id: string, kind: CustodyItem, applicable: boolean) =>
    apiRequest(`/api/deals/${id}/custody/${kind}/applicable`, view, { method: 'PUT', body: { applicable } }),
  revealPhoto: (id: string, kind: CustodyItem) => apiRequest(`/api/deals/${id}/custody/${kind}/photo/reveal`, image, { method: 'POST' }),
  addMoney: (
    id: string,
    body: { kind: MoneyKind; amountWan: number; dueOn: string | null; claimsWindowEndsOn: string | null; note: string },
  ) => post(`/api/deals/${id}/money`, body),
  moneyEvent: (id: string, milestoneId: string, action: 'paid' | 'released', on: string) =>
    post(`/api/deals/${id}/money/${milestoneId}`, { action, on }),
  pledge: (id: string, action: 'registered' | 'released', on: string) => post(`/api/deals/${id}/pledge`, { action, on }),
  art22: (id: string, body: { notifiedOn: string; channels: string[]; groups: string[]; documentId: string | null }) =>
    post(`/api/deals/${id}/art22`, body),
  legalRep: (id: string, changedOn: string, evidenceImage: string) => post(`/api/deals/${id}/legal-rep`, { changedOn, evidenceImage }),
  revealLegalRep: (id: string) => apiRequest(`/api/deals/${id}/legal-rep/reveal`, image, { method: 'POST' }),
};

/** Reads a chosen file as base64 (without the data: prefix); JPEG / PNG only, at most `maxBytes`. */
export function readImageFile(file: File, maxBytes: number): Promise<string> {
  if (!['image/jpeg', 'image/png'].includes(file.type) || file.size > maxBytes) return Promise.reject(new Error('PHOTO_INVALID'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('PHOTO_INVALID'));
    reader.readAsDataURL(file);
  });
}

/** Today in Beijing, for date inputs (the server refuses dates after it). */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
