import { PgBoss } from 'pg-boss';
import type { Logger } from '../logger/index.ts';
import { DEFAULT_EXPIRE_SECONDS, JOB_NAME, type JobHandler, type JobOptions, type JobRunner } from './job-runner.ts';

/**
 * The scale-out runner: pg-boss keeps jobs in PostgreSQL, so any instance may run them, schedules fire once
 * per tick across instances, and retries use pg-boss's exponential backoff. A job whose worker died (SIGKILL, a lost
 * host) is failed by pg-boss's monitor once its expiry (or heartbeat) lapses and retried on any instance.
 *
 * `expireSeconds` (JOB_EXPIRE_SECONDS) replaces every queue's expiry and shortens the monitor's pass to half of it,
 * so the scale test sees a killed worker's job run again within seconds; unset, each job keeps its own expiry and
 * the monitor passes every 60 s (pg-boss's default).
 */
export function createPgBossRunner(options: {
  connectionString: string;
  schema: string;
  logger: Logger;
  expireSeconds?: number | undefined;
}): JobRunner {
  const { logger, expireSeconds } = options;
  const monitorSeconds = expireSeconds ? Math.max(1, Math.floor(expireSeconds / 2)) : undefined;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema,
    max: 4,
    ...(monitorSeconds ? { superviseIntervalSeconds: monitorSeconds, monitorIntervalSeconds: monitorSeconds } : {}),
  });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  const pending: { name: string; handler: JobHandler; opts: JobOptions }[] = [];
  const schedules: { name: string; cron: string; data: object }[] = [];
  let started = false;

  async function install(name: string, handler: JobHandler, opts: JobOptions) {
    const queue = {
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 2,
      retryBackoff: true,
      expireInSeconds: expireSeconds ?? opts.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      ...(opts.heartbeatSeconds ? { heartbeatSeconds: opts.heartbeatSeconds } : {}),
    };
    await boss.createQueue(name, queue);
    // createQueue leaves an existing queue as it was: a changed expiry or heartbeat must reach it too.
    await boss.updateQueue(name, { ...queue, heartbeatSeconds: opts.heartbeatSeconds ?? null });
    const work = opts.pollSeconds ? { pollingIntervalSeconds: opts.pollSeconds } : {};
    await boss.work<Record<string, string | number | boolean | null>>(name, work, async (jobs) => {
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
