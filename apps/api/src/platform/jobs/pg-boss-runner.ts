import { PgBoss } from 'pg-boss';
import type { Logger } from '../logger/index.ts';
import { JOB_NAME, type JobHandler, type JobOptions, type JobRunner } from './job-runner.ts';

/**
 * The scale-out runner: pg-boss keeps jobs in PostgreSQL, so any instance may run them, schedules fire once
 * per tick across instances, and retries use pg-boss's exponential backoff.
 */
export function createPgBossRunner(options: { connectionString: string; schema: string; logger: Logger }): JobRunner {
  const { logger } = options;
  const boss = new PgBoss({ connectionString: options.connectionString, schema: options.schema, max: 4 });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  const pending: { name: string; handler: JobHandler; opts: JobOptions }[] = [];
  const schedules: { name: string; cron: string; data: object }[] = [];
  let started = false;

  async function install(name: string, handler: JobHandler, opts: JobOptions) {
    await boss.createQueue(name, {
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 2,
      retryBackoff: true,
    });
    await boss.work<Record<string, string | number | boolean | null>>(name, async (jobs) => {
      for (const job of jobs) {
        try {
          await handler(job.data, { jobId: job.id, attempt: job.retryCount + 1, logger });
        } catch (error) {
          logger.warn({ err: error, jobId: job.id, job: name, attempt: job.retryCount + 1 }, 'job failed');
          throw error;
        }
      }
    });
  }

  return {
    kind: 'pg-boss',
    async register(name, handler, opts = {}) {
      if (!JOB_NAME.test(name)) throw new Error(`invalid job name: ${name}`);
      if (started) await install(name, handler, opts);
      else pending.push({ name, handler, opts });
    },
    async enqueue(name, data = {}, opts = {}) {
      const id = await boss.send(name, data, opts.delaySeconds ? { startAfter: opts.delaySeconds } : {});
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    async schedule(name, cron, data = {}) {
      if (started) await boss.schedule(name, cron, data, { tz: 'UTC' });
      else schedules.push({ name, cron, data });
    },
    async start() {
      if (started) return;
      await boss.start();
      started = true;
      for (const { name, handler, opts } of pending) await install(name, handler, opts);
      for (const { name, cron, data } of schedules) await boss.schedule(name, cron, data, { tz: 'UTC' });
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
