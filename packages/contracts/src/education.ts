import { z } from 'zod';
import { ZPlainText } from './text-input.ts';

/**
 * Customer education (issue 19 item 6): the security and anti-fraud guides and the in-flow tips are content the
 * privacy officer edits (each edit a new revision), shown in zh-CN and English. Guides list advice for buyers and
 * sellers; tips appear at the moment they matter: before a deposit, beside a chat message asking for a photo of a
 * seal or licence, on the first data-room visit.
 */
export const EDUCATION_KINDS = ['guide', 'tip'] as const;
export const EDUCATION_AUDIENCES = ['buyer', 'seller', 'all'] as const;
/** The in-flow tips, by the moment they are shown. */
export const EDUCATION_TIPS = ['tip.deposit', 'tip.seal-photo', 'tip.dataroom-watermark'] as const;
export type EducationTip = (typeof EDUCATION_TIPS)[number];

export const ZEducationItem = z.object({
  code: z.string(),
  kind: z.enum(EDUCATION_KINDS),
  audience: z.enum(EDUCATION_AUDIENCES),
  position: z.number().int(),
  revision: z.number().int(),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
  updatedAt: z.string(),
});
export type TEducationItem = z.infer<typeof ZEducationItem>;
export const ZEducationList = z.object({ items: z.array(ZEducationItem) });
export type TEducationList = z.infer<typeof ZEducationList>;

export const ZEducationCode = z.string().regex(/^(guide|tip)\.[a-z0-9-]{2,40}$/);
/** A new revision of one item's text; the officer writes both languages. */
export const ZReviseEducationRequest = z.object({ 'zh-CN': ZPlainText(600, 10), en: ZPlainText(1200, 10) });
export type TReviseEducationRequest = z.infer<typeof ZReviseEducationRequest>;
