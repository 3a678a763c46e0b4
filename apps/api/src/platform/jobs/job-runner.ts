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
};

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
