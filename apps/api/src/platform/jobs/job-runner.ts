import type { Logger } from '../logger/index.ts';

/** Job payloads carry identifiers only, never personal data: they are stored in plaintext and logged on failure. */
export type JobData = Record<string, string | number | boolean | null>;

export type JobContext = { jobId: string; attempt: number; logger: Logger };
export type JobHandler = (data: JobData, context: JobContext) => Promise<void>;

export type JobOptions = {
  /** Attempts after the first one (default 5). */
  retryLimit?: number;
  /** First retry delay in seconds; each later retry doubles it (default 2). */
  retryDelaySeconds?: number;
  /**
   * Seconds an attempt may stay active before the job is offered again (to any instance), default 300. Bounds how
   * long a job held by a killed worker waits. An attempt still running past it is failed and its job retried, so a
   * job's effect must be safe under redelivery (see the delivery outbox) and the expiry well above its normal run.
   */
  expireInSeconds?: number;
  /**
   * For long jobs (pg-boss only, at least 10): the worker refreshes a heartbeat every half of it, and a job whose
   * heartbeat stops (its worker died) is offered again after this many seconds instead of after the whole expiry.
   */
  heartbeatSeconds?: number;
  /** How often an idle worker looks for this job (pg-boss only, at least 0.5; default 2): for jobs a person waits on. */
  pollSeconds?: number;
};

/** Default expiry of a job attempt (seconds). */
export const DEFAULT_EXPIRE_SECONDS = 300;

/**
 * One interface for background work: the in-process runner on SQLite, pg-boss on PostgreSQL.
 * A failing job is retried with exponential backoff and logged; after the last attempt it stays in the
 * store as failed (never dropped) so an operator can see it.
 */
export type JobRunner = {
  readonly kind: 'in-process' | 'pg-boss';
  register: (name: string, handler: JobHandler, options?: JobOptions) => Promise<void>;
  enqueue: (name: string, data?: JobData, options?: { delaySeconds?: number }) => Promise<string>;
  /** A cron expression (5 fields, UTC); one job per tick across all instances. */
  schedule: (name: string, cron: string, data?: JobData) => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

export const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

export function retryDelayMs(attempt: number, firstDelaySeconds: number): number {
  return Math.min(firstDelaySeconds * 2 ** Math.max(0, attempt - 1), 3600) * 1000;
}
