import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { DeliveryTransport } from '../../src/modules/delivery/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { createCapturingTransports } from '../fakes/capturing-transport.ts';
import { TEST_INDEX_HTML } from './test-app.ts';
import { createTestStore, type TestStore } from './test-store.ts';

export type IdentityTestApp = TestStore & {
  app: FastifyInstance;
  outbox: ReturnType<typeof createCapturingTransports>;
  /** Another app instance over the same store (as a second server behind the load balancer would be). */
  secondInstance: () => Promise<FastifyInstance>;
  close: () => Promise<void>;
};

/** buildApp over a fresh store with capturing delivery transports (so tests can read the codes that were sent). */
export async function createIdentityTestApp(
  dialect: DialectName,
  options: { env?: Record<string, string>; transports?: DeliveryTransport[] | 'capture' } = {},
): Promise<IdentityTestApp> {
  const store = await createTestStore(dialect, options.env ?? {});
  const webDistDir = join(store.dataDir, 'web-dist');
  mkdirSync(webDistDir, { recursive: true });
  writeFileSync(join(webDistDir, 'index.html'), TEST_INDEX_HTML);
  const outbox = createCapturingTransports();
  const transports = options.transports === undefined || options.transports === 'capture' ? outbox.transports : options.transports;
  const build = async () => {
    const built = await buildApp({
      config: store.config,
      database: store.database,
      keys: store.keys,
      logger: store.logger,
      version: '0.0.0-test',
      webDistDir,
      deliveryTransports: transports,
    });
    // A message reaches its transport after the sharing gateway checked and recorded it (a few queries): each
    // answer waits for the hand-offs it started, so a test reads the code the way a person would, once it arrived.
    built.addHook('onSend', async (_request, _reply, payload) => {
      await built.services.delivery.drain();
      return payload;
    });
    return built;
  };
  const app = await build();
  await app.ready();
  const others: FastifyInstance[] = [];
  return {
    ...store,
    app,
    outbox,
    secondInstance: async () => {
      const other = await build();
      await other.ready();
      others.push(other);
      return other;
    },
    close: async () => {
      for (const other of others) await other.close();
      await app.close();
      await store.cleanup();
    },
  };
}

let client = 0;
/** A fresh client address per call, so per-client limits of one test do not spill into the next. */
export function nextClientAddress(): string {
  client += 1;
  return `10.${(process.pid >> 8) & 255}.${Math.floor(client / 250) % 250}.${(client % 250) + 1}`;
}
