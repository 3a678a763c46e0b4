export type { JobRunner, JobHandler, JobData, JobOptions, JobContext } from './job-runner.ts';
export { createInProcessRunner, type PlatformJobsTable } from './in-process-runner.ts';
export { createPgBossRunner } from './pg-boss-runner.ts';
