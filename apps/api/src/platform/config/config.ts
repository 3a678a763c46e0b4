import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'expected 1/0, true/false, yes/no or on/off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL like ${example}` },
  );

/**
 * The whole configuration, read once from the environment at boot. No secret has a default:
 * ROOT_KEY is optional because the default key provider creates a key file in DATA_DIR instead.
 */
export const ZConfigEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce
    .number({ error: 'expected an integer port number between 1 and 65535' })
    .int({ error: 'expected an integer port number between 1 and 65535' })
    .min(1, { error: 'expected an integer port number between 1 and 65535' })
    .max(65535, { error: 'expected an integer port number between 1 and 65535' })
    .default(3000),
  HOST: z.string().min(1, { error: 'expected a host name or IP address, e.g. 0.0.0.0' }).default('localhost'),
  DATA_DIR: z.string().min(1, { error: 'expected a directory path' }).default('./data'),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user@127.0.0.1:5432/sealbridge').optional(),
  REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://sealbridge.example.cn').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DEMO: booleanFlag.optional(),
  ROOT_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'expected 32 bytes in base64 (44 characters ending in =)' })
    .optional(),
  AUDIT_SIGNING_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'expected a 32-byte Ed25519 seed in base64 (44 characters ending in =)' })
    .optional(),
  AUDIT_EXPORT_DIR: z.string().min(1, { error: 'expected a directory path' }).optional(),
  /** A key file outside DATA_DIR for the audit signing key (created 0600 on first start). */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1, { error: 'expected a file path' }).optional(),
  /** Witness verifier keys whose cosignatures the log accepts and shows, separated by commas or spaces. */
  AUDIT_WITNESSES: z.string().max(10_000).optional(),
  /** Extra host names the server answers to besides PUBLIC_URL's (comma-separated), e.g. an internal name. */
  ALLOWED_HOSTS: z
    .string()
    .regex(/^[a-z0-9.:[\]-]+(,[a-z0-9.:[\]-]+)*$/i, {
      error: 'expected host names separated by commas, e.g. deals.example.cn,www.deals.example.cn',
    })
    .optional(),
  BODY_LIMIT: z.coerce
    .number({ error: 'expected a size in bytes' })
    .int({ error: 'expected a size in bytes' })
    .min(1024, { error: 'expected at least 1024 bytes' })
    .default(1_048_576),
  TRUST_PROXY: booleanFlag.default(false),
  /** smtp(s)://user:password@host:port — e-mails (verification codes, notices) are also sent through it. */
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtps://user:password@smtp.example.cn:465').optional(),
  SMTP_FROM: z.string().min(3, { error: 'expected a sender such as "封桥 Sealbridge <no-reply@example.cn>"' }).optional(),
  /** Seconds a job may stay active before another instance gets it again, for every queue (unset: each job's own). */
  JOB_EXPIRE_SECONDS: z.coerce
    .number({ error: 'expected seconds' })
    .int({ error: 'expected whole seconds' })
    .min(2, { error: 'expected at least 2 seconds' })
    .max(86_400, { error: 'expected at most 86400 seconds' })
    .optional(),
  DATAROOM_UPLOAD_MAX_BYTES: z.coerce
    .number({ error: 'expected a size in bytes' })
    .int({ error: 'expected a size in bytes' })
    .min(1024, { error: 'expected at least 1024 bytes' })
    .default(50 * 1024 * 1024),
  DATAROOM_BLOB_STORE: z.enum(['fs', 'database', 's3'], { error: 'expected fs, database or s3' }).optional(),
  DATAROOM_RENDER_CACHE_MB: z.coerce
    .number({ error: 'expected megabytes' })
    .int({ error: 'expected megabytes' })
    .min(0, { error: 'expected 0 or more' })
    .default(256),
  RIGHTS_SLA_WORKING_DAYS: z.coerce
    .number({ error: 'expected working days' })
    .int({ error: 'expected working days' })
    .min(1, { error: 'expected 1 to 30 working days' })
    .max(30, { error: 'expected 1 to 30 working days' })
    .default(15),
  SOFFICE_PATH: z.string().min(1, { error: 'expected the LibreOffice executable, e.g. soffice' }).default('soffice'),
  S3_ENDPOINT: urlWithProtocols(['http:', 'https:'], 'https://oss-cn-hangzhou.aliyuncs.com').optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'expected a bucket name' })
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  publicUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  demo: boolean;
  rootKeyBase64: string | undefined;
  auditSigningKeyBase64: string | undefined;
  /** Signed audit checkpoints are appended here for shipping to write-once storage. */
  auditExportDir: string;
  /** The audit signing key's file when it lives outside DATA_DIR (AUDIT_SIGNING_KEY_FILE). */
  auditSigningKeyFile: string | undefined;
  /** Witness vkeys (C2SP cosignature/v1) whose cosignatures are accepted. */
  auditWitnesses: string[];
  /** Lower-case host names (without port) requests may be addressed to: PUBLIC_URL's, loopback aliases, ALLOWED_HOSTS. */
  allowedHosts: string[];
  bodyLimit: number;
  trustProxy: boolean;
  /** When set, e-mail messages leave through SMTP as well as being kept in the outbox. May hold a password. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** JOB_EXPIRE_SECONDS: one expiry for every job queue (tests); unset, each job keeps its own (platform/jobs). */
  jobExpireSeconds: number | undefined;
  /** The data room: upload limit, where sealed files live, the bitmap cache bound, LibreOffice, S3. */
  /** Working days to answer a rights request (PRIVACY-LAW.md row 8; default 15). */
  rightsSlaWorkingDays: number;
  dataroom: {
    uploadMaxBytes: number;
    blobStore: 'fs' | 'database' | 's3';
    renderCacheBytes: number;
    sofficePath: string;
    s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
  };
};

export class ConfigError extends Error {
  readonly problems: { variable: string; problem: string }[];
  constructor(problems: { variable: string; problem: string }[]) {
    super(problems.map((p) => `${p.variable}: ${p.problem}`).join('; '));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The host names a request may name in its Host header (and a state change in its Origin): PUBLIC_URL's, the
 * loopback aliases when PUBLIC_URL is itself a loopback address (a developer's browser at 127.0.0.1), and
 * ALLOWED_HOSTS. Never taken from the request.
 */
function allowedHostsFor(publicUrl: string, extra: string | undefined): string[] {
  const host = new URL(publicUrl).hostname.toLowerCase();
  const names = new Set([host, ...(LOOPBACK.includes(host) ? LOOPBACK : []), ...(extra ?? '').toLowerCase().split(',').filter(Boolean)]);
  return [...names];
}

/** Parses the environment; throws ConfigError naming each bad variable and the expected form. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.keys(ZConfigEnv.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = ZConfigEnv.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const value = env[variable];
        const secret =
          variable === 'ROOT_KEY' || variable === 'AUDIT_SIGNING_KEY' || variable === 'SMTP_URL' || variable === 'S3_SECRET_ACCESS_KEY';
        const shown = secret || value === undefined ? '' : ` (got "${value.slice(0, 40)}")`;
        return { variable, problem: `${issue.message}${shown}` };
      }),
    );
  }
  const e = parsed.data;
  if (e.DATAROOM_BLOB_STORE === 's3' && !(e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError([
      { variable: 'DATAROOM_BLOB_STORE', problem: 's3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY' },
    ]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    rootKeyBase64: e.ROOT_KEY,
    auditSigningKeyBase64: e.AUDIT_SIGNING_KEY,
    auditExportDir: resolve(e.AUDIT_EXPORT_DIR ?? join(e.DATA_DIR, 'audit-export')),
    auditSigningKeyFile: e.AUDIT_SIGNING_KEY_FILE ? resolve(e.AUDIT_SIGNING_KEY_FILE) : undefined,
    auditWitnesses: (e.AUDIT_WITNESSES ?? '').split(/[\s,]+/).filter(Boolean),
    allowedHosts: allowedHostsFor(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`, e.ALLOWED_HOSTS),
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM ?? `封桥 Sealbridge <no-reply@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>`,
    jobExpireSeconds: e.JOB_EXPIRE_SECONDS,
    rightsSlaWorkingDays: e.RIGHTS_SLA_WORKING_DAYS,
    dataroom: {
      uploadMaxBytes: e.DATAROOM_UPLOAD_MAX_BYTES,
      blobStore: e.DATAROOM_BLOB_STORE ?? (e.DATABASE_URL ? 'database' : 'fs'),
      renderCacheBytes: e.DATAROOM_RENDER_CACHE_MB * 1024 * 1024,
      sofficePath: e.SOFFICE_PATH,
      s3:
        e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
          ? {
              endpoint: e.S3_ENDPOINT,
              bucket: e.S3_BUCKET,
              region: e.S3_REGION,
              accessKeyId: e.S3_ACCESS_KEY_ID,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            }
          : undefined,
    },
  };
}
