import { ZHealthResponse, ZMetaResponse, ZReadyResponse, type TMetaResponse, type TReadyResponse } from '@sealbridge/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type SystemDeps = {
  ping: () => Promise<void>;
  pendingMigrations: () => Promise<string[]>;
  meta: TMetaResponse;
};

/** Readiness: the database answers and no migration is pending. Never reveals which migration or why. */
export async function checkReadiness(deps: SystemDeps): Promise<TReadyResponse> {
  let database: TReadyResponse['checks']['database'] = 'ok';
  let migrations: TReadyResponse['checks']['migrations'] = 'unknown';
  try {
    await deps.ping();
    migrations = (await deps.pendingMigrations()).length === 0 ? 'current' : 'pending';
  } catch {
    database = 'unreachable';
  }
  const ready = database === 'ok' && migrations === 'current';
  return { status: ready ? 'ready' : 'not_ready', checks: { database, migrations } };
}

export function systemRoutes(deps: SystemDeps) {
  return async function register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/healthz', {
      config: { permission: 'public' },
      schema: { tags: ['system'], summary: 'The process is alive', response: { 200: ZHealthResponse } },
      handler: async () => ({ status: 'ok' as const }),
    });
    r.get('/readyz', {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The database is reachable and migrations are current',
        response: { 200: ZReadyResponse, 503: ZReadyResponse },
      },
      handler: async (_request, reply) => {
        const result = await checkReadiness(deps);
        return reply.code(result.status === 'ready' ? 200 : 503).send(result);
      },
    });
    r.get('/api/meta', {
      config: { permission: 'public' },
      schema: { tags: ['system'], summary: 'Name, version and store of this instance', response: { 200: ZMetaResponse } },
      handler: async () => deps.meta,
    });
  };
}
