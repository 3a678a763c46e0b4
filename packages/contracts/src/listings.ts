import { z } from 'zod';

/** Generalized bands: a teaser never shows an exact establishment date or capital (see DOMAIN.md). */
export const AGE_BANDS = ['lt1', '1to3', '3to5', '5to10', 'gte10'] as const;
export const CAPITAL_BANDS = ['lt100', '100to500', '500to1000', '1000to5000', 'gte5000'] as const;
export const TAXPAYER_TYPES = ['general', 'small_scale'] as const;
export const COMPANY_TYPES = ['llc', 'sole_llc', 'joint_stock', 'partnership', 'sole_proprietorship'] as const;

export const ZListingPrice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amountWan: z.number().nonnegative() }),
  z.object({ kind: z.literal('negotiable') }),
]);

export const ZListingTeaser = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  province: z.string(),
  city: z.string(),
  industry: z.string(),
  companyType: z.enum(COMPANY_TYPES),
  ageBand: z.enum(AGE_BANDS),
  capitalBand: z.enum(CAPITAL_BANDS),
  taxpayerType: z.enum(TAXPAYER_TYPES),
  price: ZListingPrice,
  highlights: z.array(z.string()),
  publishedAt: z.string(),
});
export type TListingTeaser = z.infer<typeof ZListingTeaser>;

export const ZListTeasersQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(12),
});
export type TListTeasersQuery = z.infer<typeof ZListTeasersQuery>;

export const ZListTeasersResponse = z.object({
  items: z.array(ZListingTeaser),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TListTeasersResponse = z.infer<typeof ZListTeasersResponse>;

export const ZMarketStats = z.object({
  publishedListings: z.number().int(),
  provinces: z.number().int(),
  industries: z.number().int(),
});
export type TMarketStats = z.infer<typeof ZMarketStats>;
