import {
  ZBuyerInquiries,
  ZCallbackList,
  ZCallbackView,
  ZMaskingFlag,
  ZMaskingFlagList,
  ZMessagePage,
  ZMessageView,
  ZThreadList,
  ZThreadSummary,
} from '@sealbridge/contracts';
import type {
  TBuyerInquiry,
  CallbackOutcome,
  CallbackWindow,
  MessageLane,
  TCallbackView,
  TMaskingFlag,
  TMessagePage,
  TMessageView,
  TThreadList,
  TThreadSummary,
} from '@sealbridge/contracts';
import { apiRequest, noContent } from '../../../shared/api/http-client.ts';

const thread = (id: string) => `/api/me/threads/${encodeURIComponent(id)}`;

/** Threads and messages of the signed-in buyer, seller or broker; texts arrive masked unless the rules open them. */
export const messagesApi = {
  threads: (signal?: AbortSignal): Promise<TThreadList> => apiRequest('/api/me/threads', (v) => ZThreadList.parse(v), { signal }),
  thread: (id: string, signal?: AbortSignal): Promise<TThreadSummary> => apiRequest(thread(id), (v) => ZThreadSummary.parse(v), { signal }),
  open: (listingId: string): Promise<TThreadSummary> =>
    apiRequest('/api/me/threads', (v) => ZThreadSummary.parse(v), { method: 'POST', body: { listingId } }),
  messages: (id: string, lane: MessageLane, page: { after?: string; before?: string } = {}, signal?: AbortSignal): Promise<TMessagePage> =>
    apiRequest(`${thread(id)}/messages`, (v) => ZMessagePage.parse(v), { query: { lane, ...page }, signal }),
  send: (id: string, lane: MessageLane, text: string, attachments: string[]): Promise<TMessageView> =>
    apiRequest(`${thread(id)}/messages`, (v) => ZMessageView.parse(v), { method: 'POST', body: { lane, text, attachments } }),
  markRead: (id: string, lane: MessageLane, messageId: string): Promise<void> =>
    apiRequest(`${thread(id)}/read`, noContent, { method: 'POST', body: { lane, messageId } }),
  requestCallback: (id: string, window: CallbackWindow): Promise<TCallbackView> =>
    apiRequest(`${thread(id)}/callbacks`, (v) => ZCallbackView.parse(v), { method: 'POST', body: { window } }),
  /** The buyer's inquiries (disclosure module): a thread can be opened on each one still open or accepted. */
  myInquiries: (signal?: AbortSignal): Promise<{ items: TBuyerInquiry[] }> =>
    apiRequest('/api/me/inquiries', (v) => ZBuyerInquiries.parse(v), { signal }),
};

/** The broker's queues: masking flags (kinds and counts only) and call-back requests. */
export const brokerMessagesApi = {
  flags: (status: 'open' | 'acknowledged', signal?: AbortSignal): Promise<{ items: TMaskingFlag[] }> =>
    apiRequest('/api/broker/messages/flags', (v) => ZMaskingFlagList.parse(v), { query: { status }, signal }),
  acknowledge: (id: string): Promise<TMaskingFlag> =>
    apiRequest(`/api/broker/messages/flags/${encodeURIComponent(id)}/acknowledge`, (v) => ZMaskingFlag.parse(v), { method: 'POST' }),
  callbacks: (status: 'open' | 'done', signal?: AbortSignal): Promise<{ items: TCallbackView[] }> =>
    apiRequest('/api/broker/messages/callbacks', (v) => ZCallbackList.parse(v), { query: { status }, signal }),
  done: (id: string, outcome: CallbackOutcome): Promise<TCallbackView> =>
    apiRequest(`/api/broker/messages/callbacks/${encodeURIComponent(id)}/done`, (v) => ZCallbackView.parse(v), {
      method: 'POST',
      body: { outcome },
    }),
};

/** Where a data-room document referred to by a message opens (the data room checks the reader's grant). */
export function documentLink(listingId: string, documentId: string): string {
  return `/account/dataroom/${encodeURIComponent(listingId)}?document=${encodeURIComponent(documentId)}`;
}
