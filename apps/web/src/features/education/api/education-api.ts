import {
  ZEducationItem,
  ZEducationList,
  type TEducationItem,
  type TEducationList,
  type TReviseEducationRequest,
} from '@sealbridge/contracts';
import { apiRequest } from '../../../shared/api/http-client.ts';

let cached: Promise<TEducationList> | undefined;

/** The guides and tips (public). One request per page load, shared by every tip on the page; a failure is retried later. */
export function loadEducation(): Promise<TEducationList> {
  cached ??= apiRequest('/api/education', (v) => ZEducationList.parse(v)).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export const educationApi = {
  list: (signal?: AbortSignal) => apiRequest('/api/education', (v) => ZEducationList.parse(v), { signal }),
  revise: async (code: string, body: TReviseEducationRequest): Promise<TEducationItem> => {
    const item = await apiRequest(`/api/staff/education/${encodeURIComponent(code)}`, (v) => ZEducationItem.parse(v), {
      method: 'PUT',
      body,
    });
    cached = undefined;
    return item;
  },
};
