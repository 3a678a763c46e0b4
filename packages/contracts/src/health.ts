import { z } from 'zod';

export const ZHealthResponse = z.object({ status: z.literal('ok') });
export type THealthResponse = z.infer<typeof ZHealthResponse>;

export const ZReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['current', 'pending', 'unknown']),
  }),
});
export type TReadyResponse = z.infer<typeof ZReadyResponse>;

export const ZMetaResponse = z.object({
  name: z.string(),
  version: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  demo: z.boolean(),
});
export type TMetaResponse = z.infer<typeof ZMetaResponse>;
