import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInProcessRunner, createPgBossRunner, type JobRunner } from '../../src/platform/jobs/index.ts';
import { createJobRunner } from '../../src/runtime.ts';
import { DIALECTS, createTestStore, type TestStore } from '../helpers/test-store.ts';

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error('condition not met in time');
}

describe('in-process job runner', () => {
  let store: TestStore;
  let runner: JobRunner;
  before(async () => {
    store = await createTestStore('sqlite');
    runner = createInProcessRunner({ db: store.database.db, logger: store.logger, pollMs: 20 });
  });
  after(async () => {
    await runner.stop();
    await store.cleanup();
  });

  test('a failing job is retried with backoff, logged each time, and kept as failed after its last attempt', async () => {
    const attempts: number[] = [];
    await runner.register(
      'test.always-fails',
      async (_data, ctx) => {
        attempts.push(ctx.attempt);
        throw new Error('boom');
      },
      { retryLimit: 2, retryDelaySeconds: 0.05 },
    );
    await runner.start();
    const id = await runner.enqueue('test.always-fails', { ref: 'x' });
    const row = () => store.database.db.selectFrom('platform_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await waitFor(async () => (await row()).state === 'failed');
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.equal((await row()).attempts, 3);
    const warnings = store.logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'job failed');
    assert.equal(warnings.length, 3);
  });

  test('a job that fails once succeeds on retry and receives its data', async () => {
    let calls = 0;
    let seen: unknown;
    await runner.register(
      'test.flaky',
      async (data) => {
        calls += 1;
        seen = data;
        if (calls === 1) throw new Error('transient');
      },
      { retryLimit: 3, retryDelaySeconds: 0.05 },
    );
    const id = await runner.enqueue('test.flaky', { listingId: 'abc', n: 2 });
    await waitFor(
      async () =>
        (await store.database.db.selectFrom('platform_jobs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state ===
        'done',
    );
    assert.equal(calls, 2);
    assert.deepEqual(seen, { listingId: 'abc', n: 2 });
  });

  test('a job queued before the runner starts survives and runs at start', async () => {
    const other = createInProcessRunner({ db: store.database.db, logger: store.logger, pollMs: 20 });
    let ran = false;
    await other.register('test.later', async () => {
      ran = true;
    });
    await other.enqueue('test.later');
    assert.equal(ran, false);
    await other.start();
    await waitFor(() => ran);
    await other.stop();
  });
});

for (const dialect of DIALECTS.filter((d) => d === 'postgres')) {
  describe('pg-boss job runner', () => {
    let store: TestStore;
    let runner: JobRunner;
    before(async () => {
      store = await createTestStore(dialect);
      runner = createJobRunner(store.config, store.database, store.logger, `${store.database.pgSchema}_boss`);
    });
    after(async () => {
      await runner.stop();
      const { sql } = await import('kysely');
      await sql.raw(`DROP SCHEMA IF EXISTS ${store.database.pgSchema}_boss CASCADE`).execute(store.database.db);
      await store.cleanup();
    });

    test('a job sent to PostgreSQL is retried after a failure and then completes', async () => {
      assert.equal(runner.kind, 'pg-boss');
      const attempts: number[] = [];
      await runner.register(
        'test.pg-flaky',
        async (_data, ctx) => {
          attempts.push(ctx.attempt);
          if (attempts.length === 1) throw new Error('transient');
        },
        { retryLimit: 2, retryDelaySeconds: 1 },
      );
      await runner.start();
      await runner.enqueue('test.pg-flaky', { ref: 'y' });
      await waitFor(() => attempts.length >= 2, 60_000);
      assert.deepEqual(attempts.slice(0, 2), [1, 2]);
    });

    test('a job held by a worker that stopped answering is run by another instance once its expiry lapses', async () => {
      // Two instances of the scale-out runner on one schema, with the test expiry (JOB_EXPIRE_SECONDS=2).
      const schema = `${store.database.pgSchema}_boss2`;
      const options = { connectionString: store.config.databaseUrl ?? '', schema, logger: store.logger, expireSeconds: 2 };
      const stuck = createPgBossRunner(options);
      const rescuer = createPgBossRunner(options);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const runs: { by: string; attempt: number }[] = [];
      try {
        await stuck.register('test.pg-stuck', async (_data, ctx) => {
          runs.push({ by: 'stuck', attempt: ctx.attempt });
          await held; // a worker that hangs (as a killed one never answers)
        });
        await stuck.start();
        await stuck.enqueue('test.pg-stuck', { ref: 'z' });
        await waitFor(() => runs.length === 1, 30_000);
        const heldAt = performance.now();
        await rescuer.register('test.pg-stuck', async (_data, ctx) => {
          runs.push({ by: 'rescuer', attempt: ctx.attempt });
        });
        await rescuer.start();
        await waitFor(() => runs.some((r) => r.by === 'rescuer'), 20_000);
        const ms = performance.now() - heldAt;
        assert.deepEqual(runs, [
          { by: 'stuck', attempt: 1 },
          { by: 'rescuer', attempt: 2 },
        ]);
        assert.ok(ms < 15_000, `run again after ${Math.round(ms)} ms`);
      } finally {
        release();
        await stuck.stop();
        await rescuer.stop();
        const { sql } = await import('kysely');
        await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(store.database.db);
      }
    });
  });
}
