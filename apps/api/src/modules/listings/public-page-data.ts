import {
  ZListingSearchQuery,
  ZListingTeaserDetail,
  ZListTeasersResponse,
  ZMarketStats,
  type TListingTeaserDetail,
  type TListTeasersResponse,
  type TMarketStats,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ListingsService } from './listings-service.ts';

const CODE = /^SB-[0-9A-Z-]{4,24}$/;

/**
 * What the server-rendered public pages may show (web app prerender/public-pages.ts): exactly the answers of the
 * public routes — the same query validation, the same services, and the same response schemas as the allowlist,
 * so the HTML can never hold a field the JSON API would not send.
 */
export function publicPageData(service: ListingsService) {
  return {
    async search(params: Record<string, string>): Promise<TListTeasersResponse> {
      const query = ZListingSearchQuery.safeParse(params);
      if (!query.success) throw new AppError('VALIDATION_FAILED');
      return ZListTeasersResponse.parse(await service.search(query.data));
    },
    async publicListing(code: string): Promise<TListingTeaserDetail | null> {
      if (!CODE.test(code)) return null;
      try {
        return ZListingTeaserDetail.parse(await service.publicListing(code));
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
    async marketStats(): Promise<TMarketStats> {
      return ZMarketStats.parse(await service.marketStats());
    },
  };
}
