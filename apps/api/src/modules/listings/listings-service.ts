import { COMPANY_TYPES, TAXPAYER_TYPES, type TListingTeaser, type TListTeasersResponse, type TMarketStats } from '@sealbridge/contracts';
import type { ListingsTable } from '../../db/schema.ts';
import { ageBand, capitalBand } from './listings-bands.ts';
import type { ListingsRepo } from './listings-repo.ts';

/** The public teaser: generalized bands only, never the exact year, capital or anything identifying. */
export function toTeaser(row: ListingsTable, today: Date = new Date()): TListingTeaser {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    province: row.province,
    city: row.city,
    industry: row.industry,
    companyType: (COMPANY_TYPES as readonly string[]).includes(row.company_type)
      ? (row.company_type as TListingTeaser['companyType'])
      : 'llc',
    ageBand: ageBand(row.established_year, today),
    capitalBand: capitalBand(row.registered_capital_wan),
    taxpayerType: (TAXPAYER_TYPES as readonly string[]).includes(row.taxpayer_type)
      ? (row.taxpayer_type as TListingTeaser['taxpayerType'])
      : 'small_scale',
    price: row.price_kind === 'fixed' && row.price_wan !== null ? { kind: 'fixed', amountWan: row.price_wan } : { kind: 'negotiable' },
    highlights: JSON.parse(row.highlights) as string[],
    publishedAt: row.published_at ?? row.created_at,
  };
}

export type ListingsService = ReturnType<typeof createListingsService>;

export function createListingsService(deps: { repo: ListingsRepo }) {
  const { repo } = deps;
  return {
    async listTeasers(page: number, pageSize: number): Promise<TListTeasersResponse> {
      const [rows, total] = await Promise.all([repo.listPublished((page - 1) * pageSize, pageSize), repo.countPublished()]);
      const today = new Date();
      return { items: rows.map((row) => toTeaser(row, today)), total, page, pageSize };
    },
    async marketStats(): Promise<TMarketStats> {
      const s = await repo.stats();
      return { publishedListings: s.listings, provinces: s.provinces, industries: s.industries };
    },
    countPublished: () => repo.countPublished(),
  };
}
