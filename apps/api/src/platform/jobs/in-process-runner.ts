import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import { newId } from '../ids/index.ts';
import type { Logger } from '../logger/index.ts';
import { JOB_NAME, retryDelayMs, type JobData, type JobHandler, type JobOptions, type JobRunner } from './job-runner.ts';

/** The runner's own table (created by the platform_jobs migration). */
export type PlatformJobsTable = {
  id: string;
  name: string;
  data: string;
  state: 'queued' | 'active' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
};
type JobsDb = { platform_jobs: PlatformJobsTable };

/**
 * The embedded store's runner: jobs live in the SQLite file (so a restart loses none), one process polls
 * them. Meant for the single-process embedded deployment; scale-out uses pg-boss.
 */
export function createInProcessRunner(options: { db: Kysely<JobsDb>; logger: Logger; pollMs?: number }): JobRunner {
  const { db, logger } = options;
  const pollMs = options.pollMs ?? 500;
  const handlers = new Map<string, { handler: JobHandler; retryLimit: number; retryDelaySeconds: number }>();
  const crons: Cron[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let draining: Promise<void> = Promise.resolve();

  const wake = () => {
    if (running && timer) {
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    }
  };

  async function runOne(): Promise<boolean> {
    const now = new Date().toISOString();
    const job = await db
      .selectFrom('platform_jobs')
      .selectAll()
      .where('state', '=', 'queued')
      .where('run_at', '<=', now)
      .where('name', 'in', handlers.size ? [...handlers.keys()] : ['-'])
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
    if (!job) return false;
    const entry = handlers.get(job.name);
    if (!entry) return false;
    const attempt = job.attempts + 1;
    await db.updateTable('platform_jobs').set({ state: 'active', attempts: attempt, updated_at: now }).where('id', '=', job.id).execute();
    try {
      await entry.handler(JSON.parse(job.data) as JobData, { jobId: job.id, attempt, logger });
      await db
        .updateTable('platform_jobs')
        .set({ state: 'done', last_error: null, updated_at: new Date().toISOString() })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const final = attempt >= job.max_attempts;
      const runAt = new Date(Date.now() + retryDelayMs(attempt, entry.retryDelaySeconds)).toISOString();
      logger.warn({ err: error, jobId: job.id, job: job.name, attempt, final }, 'job failed');
      await db
        .updateTable('platform_jobs')
        .set({
          state: final ? 'failed' : 'queued',
          run_at: final ? job.run_at : runAt,
          last_error: error instanceof Error ? error.name : 'Error',
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', job.id)
        .execute();
    }
    return true;
  }

  function tick() {
    timer = undefined;
    draining = (async () => {
      try {
        while (running && (await runOne()));
      } catch (error) {
        logger.error({ err: error }, 'job runner poll failed');
      }
      if (running) timer = setTimeout(tick, pollMs);
    })();
  }

  return {
    kind: 'in-process',
    async register(name, handler, opts: JobOptions = {}) {
      if (!JOB_NAME.test(name)) throw new Error(`invalid job name: ${name}`);
      handlers.set(name, { handler, retryLimit: opts.retryLimit ?? 5, retryDelaySeconds: opts.retryDelaySeconds ?? 2 });
    },
    async enqueue(name, data = {}, opts = {}) {
      const id = newId();
      const now = new Date();
      await db
        .insertInto('platform_jobs')
        .values({
          id,
          name,
          data: JSON.stringify(data),
          state: 'queued',
          attempts: 0,
          max_attempts: (handlers.get(name)?.retryLimit ?? 5) + 1,
          run_at: new Date(now.getTime() + (opts.delaySeconds ?? 0) * 1000).toISOString(),
          last_error: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      if (!opts.delaySeconds) wake();
      return id;
    },
    async schedule(name, cron, data = {}) {
      crons.push(
        new Cron(cron, { timezone: 'UTC', paused: !running, protect: true }, () => {
          void this.enqueue(name, data).catch((error: unknown) => logger.error({ err: error, job: name }, 'schedule failed'));
        }),
      );
    },
    async start() {
      if (running) return;
      running = true;
      for (const cron of crons) cron.resume();
      // Jobs left active by a crash are picked up again.
      await db.updateTable('platform_jobs').set({ state: 'queued' }).where('state', '=', 'active').execute();
      tick();
    },
    async stop() {
      running = false;
      for (const cron of crons) cron.stop();
      if (timer) clearTimeout(timer);
      await draining;
    },
  };
}
