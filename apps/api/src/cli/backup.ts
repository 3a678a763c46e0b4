import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite';
import { PassThrough, Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database, KeyDatabase } from '../db/schema.ts';
import type { Config } from '../platform/config/index.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { keyProviderFor, type Vault } from '../modules/vault/index.ts';
import { openKeyStore, openStore } from '../runtime.ts';
import { createServices } from '../services.ts';

/**
 * Backups of the data store and the key store (issue 14 item 7, ADR 0015).
 *
 *   <file>        SEALBRIDGE-BACKUP v1 \n {header JSON} \n sealed( {manifest JSON} \n dump )
 *   <file>.keys   the same for the key store (wrapped keys and the erasure journal)
 *
 * The dump is SQLite's online backup of the database file, or `pg_dump --format=custom` of the schema. It is sealed
 * by the vault's file cipher under a key derived from the root key (HKDF "sealbridge/backup/v1"), bound to the part and
 * the header's digest, so neither a byte of it nor the header can change unnoticed, and no plaintext of it rests on
 * disk outside a private temporary directory removed at once. The manifest holds row counts per table, for the drill.
 */
const MAGIC = 'SEALBRIDGE-BACKUP v1';
export type BackupPart = 'data' | 'keys';
export type BackupHeader = {
  format: 'sealbridge-backup/v1';
  part: BackupPart;
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: the schema dumped (restored under the same name). */
  schema: string | null;
  createdAt: string;
  rootFingerprint: string;
  tool: 'sqlite-online-backup' | 'pg_dump';
};
export type BackupManifest = { tables: Record<string, number>; dumpBytes?: number };
/** `bytes` done of `total` (when known) in `phase`; the SQLite snapshot phase counts pages instead (`unit`). */
export type Progress = (event: { phase: string; bytes: number; total?: number; unit?: 'pages'; done?: boolean }) => void;

export type LiveStores = {
  config: Config;
  database: DatabaseHandle<Database>;
  keys: DatabaseHandle<KeyDatabase>;
  vault: Pick<Vault, 'sealBackupStream' | 'openBackupStream' | 'rootFingerprint'>;
};

const aadOf = (headerLine: string, part: BackupPart) =>
  `backup.${part}:${createHash('sha256').update(headerLine).digest('hex').slice(0, 32)}`;

/** Counts bytes as they pass and reports them at most every 500 ms (and at the end). */
function meter(phase: string, progress: Progress | undefined, total?: number): Transform {
  let bytes = 0;
  let last = 0;
  const of = total ? { total } : {};
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      const now = Date.now();
      if (progress && now - last > 500) {
        last = now;
        progress({ phase, bytes, ...of });
      }
      done(null, chunk);
    },
    flush(done) {
      progress?.({ phase, bytes, ...of, done: true });
      done();
    },
  });
}

async function sqliteCounts(path: string): Promise<Record<string, number>> {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map((t) => [t.name, Number((db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n)]),
    );
  } finally {
    db.close();
  }
}

async function pgCounts(db: Kysely<unknown>, schema: string): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(schema, table_name)}`.execute(db);
    out[table_name] = Number(row.rows[0]?.n ?? 0);
  }
  return out;
}

/** A child process's stdout as a stream; a non-zero exit fails the stream with its stderr's last line. */
function processOutput(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Readable {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const out = new PassThrough();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  child.stdout.pipe(out, { end: false });
  child.on('error', (error) => out.destroy(error));
  child.on('close', (code) => {
    if (code === 0) out.end();
    else out.destroy(new Error(`${command} exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
  });
  return out;
}

/** Runs a command that reads `input` on stdin; resolves when it exits 0. */
async function processInput(command: string, args: string[], input: Readable): Promise<void> {
  const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  await pipeline(input, child.stdin as Writable);
  const code = await exited;
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr.trim().split('\n').pop() ?? ''}`);
}

/** Which PostgreSQL client tool to run: the one on PATH, checked once (`.ci/run` installs postgresql-client). */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env[`${name.toUpperCase()}_PATH`] ?? name;
}

/**
 * Writes one sealed part: header, then sealed(manifest line + dump). Not compressed: the store is mostly ciphertext
 * already, and gzip -1 cost three quarters of the run for a quarter of the size (measured, bench/backup.bench.ts).
 */
async function writePart(
  stores: LiveStores,
  part: BackupPart,
  out: string,
  dump: () => Promise<{ stream: Readable; manifest: BackupManifest; schema: string | null; cleanup?: () => void }>,
  progress?: Progress,
): Promise<BackupManifest> {
  const { stream, manifest, schema, cleanup } = await dump();
  try {
    const header: BackupHeader = {
      format: 'sealbridge-backup/v1',
      part,
      dialect: stores.database.dialect,
      schema,
      createdAt: new Date().toISOString(),
      rootFingerprint: stores.vault.rootFingerprint,
      tool: stores.database.dialect === 'sqlite' ? 'sqlite-online-backup' : 'pg_dump',
    };
    const headerLine = JSON.stringify(header);
    const partial = `${out}.partial-${randomBytes(4).toString('hex')}`;
    const file = createWriteStream(partial, { mode: 0o600 });
    file.write(`${MAGIC}\n${headerLine}\n`);
    const body = Readable.from(
      (async function* () {
        yield Buffer.from(`${JSON.stringify(manifest)}\n`);
        yield* stream;
      })(),
    );
    await pipeline(
      body,
      meter(`${part}: dump`, progress, manifest.dumpBytes),
      await stores.vault.sealBackupStream(aadOf(headerLine, part)),
      file,
    );
    renameSync(partial, out);
    return manifest;
  } finally {
    cleanup?.();
  }
}

function sqliteDump(path: string, progress?: Progress) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealbridge-backup-'));
    const snapshot = join(dir, 'snapshot.db');
    const source = new DatabaseSync(path);
    try {
      // The online backup API: a consistent copy while the server keeps writing (pages copied in steps).
      await sqliteBackup(source, snapshot, {
        rate: 1024,
        progress: ({ totalPages, remainingPages }) =>
          progress?.({ phase: 'snapshot', bytes: totalPages - remainingPages, total: totalPages, unit: 'pages' }),
      });
    } finally {
      source.close();
    }
    const tables = await sqliteCounts(snapshot);
    return {
      stream: createReadStream(snapshot),
      manifest: { tables, dumpBytes: statSync(snapshot).size },
      schema: null,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  };
}

/**
 * `pg_dump` of one schema, with the manifest's row counts taken in the very snapshot the dump reads: a
 * repeatable-read transaction exports its snapshot, counts there, and stays open until the dump has finished, so rows
 * the live server appends meanwhile (audit records, checkpoints) are in neither — the restore drill compares like
 * with like.
 */
function pgDump(url: string, schema: string) {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const snapshot = String((await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]?.s ?? '');
      const tables = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name`,
        [schema],
      );
      const counts: Record<string, number> = {};
      for (const { table_name } of tables.rows) {
        const quoted = `"${schema.replaceAll('"', '""')}"."${table_name.replaceAll('"', '""')}"`;
        const row = await client.query<{ n: number }>(`select count(*)::int as n from ${quoted}`);
        counts[table_name] = Number(row.rows[0]?.n ?? 0);
      }
      return {
        stream: processOutput(pgTool('pg_dump'), [
          '--format=custom',
          '--compress=0',
          '--no-owner',
          '--no-privileges',
          `--schema=${schema}`,
          `--snapshot=${snapshot}`,
          `--dbname=${url}`,
        ]),
        manifest: { tables: counts },
        schema,
        cleanup: () => void client.query('commit').finally(() => client.end()),
      };
    } catch (error) {
      await client.end();
      throw error;
    }
  };
}

/** `backup create`: the data store to `out`, the key store to `out.keys` (separately restorable, never over a newer one). */
export async function createBackup(stores: LiveStores, out: string, progress?: Progress) {
  const started = Date.now();
  const { database, keys, config } = stores;
  let data: BackupManifest;
  let keyManifest: BackupManifest;
  if (database.dialect === 'sqlite') {
    data = await writePart(stores, 'data', out, sqliteDump(database.sqlitePath ?? '', progress), progress);
    keyManifest = await writePart(stores, 'keys', `${out}.keys`, sqliteDump(keys.sqlitePath ?? '', progress), progress);
  } else {
    const url = config.databaseUrl ?? '';
    data = await writePart(stores, 'data', out, pgDump(url, database.pgSchema ?? 'public'), progress);
    keyManifest = await writePart(stores, 'keys', `${out}.keys`, pgDump(url, keys.pgSchema ?? 'sealbridge_keys'), progress);
  }
  return {
    file: out,
    keyFile: `${out}.keys`,
    bytes: statSync(out).size,
    keyBytes: statSync(`${out}.keys`).size,
    rows: Object.values(data.tables).reduce((a, b) => a + b, 0),
    keyRows: Object.values(keyManifest.tables).reduce((a, b) => a + b, 0),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Reads a part's header; the rest of the file is the sealed body, starting at `offset`. */
export async function readHeader(path: string): Promise<{ header: BackupHeader; headerLine: string; offset: number }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('latin1');
    const first = text.indexOf('\n');
    const second = text.indexOf('\n', first + 1);
    if (text.slice(0, first) !== MAGIC || second < 0) throw new Error(`${path} is not a Sealbridge backup`);
    const headerLine = Buffer.from(text.slice(first + 1, second), 'latin1').toString('utf8');
    const header = JSON.parse(headerLine) as BackupHeader;
    if (header.format !== 'sealbridge-backup/v1') throw new Error(`${path}: unknown backup format`);
    return { header, headerLine, offset: second + 1 };
  } finally {
    await handle.close();
  }
}

/**
 * Opens a part: authenticates every chunk as it streams (a changed byte, a cut file or a swapped part fails), and
 * yields the manifest and the dump. The caller must consume `dump`.
 */
export async function openPart(vault: LiveStores['vault'], path: string, part: BackupPart, progress?: Progress) {
  const { header, headerLine, offset } = await readHeader(path);
  if (header.part !== part) throw new Error(`${path} is the ${header.part} part, not the ${part} part`);
  if (header.rootFingerprint !== vault.rootFingerprint) throw new Error(`${path} was sealed under another root key`);
  const plain = new PassThrough();
  // pipeline, not .pipe(): a failed tag anywhere ends `plain` with the error instead of an unhandled stream error.
  pipeline(
    createReadStream(path, { start: offset }),
    await vault.openBackupStream(aadOf(headerLine, part)),
    // The sealed file's size stands for the total: the seal adds a few bytes per chunk only.
    meter(`${part}: restore`, progress, Math.max(0, statSync(path).size - offset)),
    plain,
  ).catch((error: unknown) => plain.destroy(error instanceof Error ? error : new Error(String(error))));
  // The manifest line first, the dump after it.
  const iterator = plain[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  let newline = -1;
  while (newline < 0) {
    const next = await iterator.next();
    if (next.done) throw new Error(`${path}: backup cut short`);
    buffered = Buffer.concat([buffered, next.value as Buffer]);
    newline = buffered.indexOf(0x0a);
  }
  const manifest = JSON.parse(buffered.subarray(0, newline).toString('utf8')) as BackupManifest;
  const rest = buffered.subarray(newline + 1);
  const dump = Readable.from(
    (async function* () {
      if (rest.length) yield rest;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value as Buffer;
      }
    })(),
  );
  return { header, manifest, dump };
}

export type RestoreTarget = { dataDir: string; databaseUrl?: string };
export type RestoreReport = {
  dataDir: string;
  databaseUrl: string | null;
  keyStore: 'restored from backup' | 'kept the newer key store already there';
  replayed: { subjects: number; accounts: number };
  audit: { ok: boolean; checkedRecords: number; reason?: string };
  rows: { table: string; expected: number; restored: number }[];
  rowsMatch: boolean;
};

/** The restored instance's config: the live one's keys (root key, audit signing key), the target's stores. */
export async function restoredConfig(live: Config, target: RestoreTarget): Promise<Config> {
  const root = await keyProviderFor({ rootKeyBase64: live.rootKeyBase64, dataDir: live.dataDir }).getRootKey();
  try {
    return {
      ...live,
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      auditExportDir: join(target.dataDir, 'audit-export'),
      rootKeyBase64: root.toString('base64'),
      auditSigningKeyFile: live.auditSigningKeyBase64 ? undefined : (live.auditSigningKeyFile ?? join(live.dataDir, 'audit-signing.key')),
    };
  } finally {
    root.fill(0);
  }
}

async function restorePgPart(vault: LiveStores['vault'], path: string, part: BackupPart, url: string, progress?: Progress) {
  if (part === 'data') {
    // The listings' trigram indexes name pg_trgm, which lives in public, outside the dumped schema (migration 20261128180000).
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client
      .query(`do $$ begin create extension if not exists pg_trgm schema public; exception when others then null; end $$`)
      .finally(() => client.end());
  }
  const opened = await openPart(vault, path, part, progress);
  await processInput(pgTool('pg_restore'), ['--no-owner', '--no-privileges', `--dbname=${url}`], opened.dump);
  return opened;
}

async function pgSchemaHasKeys(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query(`select 1 from information_schema.tables where table_schema = $1 and table_name = 'vault_data_key'`, [
      schema,
    ]);
    if (!found.rowCount) return false;
    const rows = await client.query(`select count(*)::int as n from ${schema}.vault_data_key`);
    return Number(rows.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * `backup restore <file> --data-dir <dir>`: the data store into `dir` (or, on PostgreSQL, into the database at
 * `databaseUrl`, which must not hold the schema yet). The key store is restored from `<file>.keys` only when the target
 * has none: a key store already there is newer than any backup and is kept — restoring an older one would bring back
 * data keys destroyed since. Then the key store's erasure journal is replayed over the restored data (a person erased
 * after the backup stays erased), and the drill checks run: the audit verifier and the row counts of the manifest.
 */
export async function restoreBackup(live: LiveStores, file: string, target: RestoreTarget, progress?: Progress): Promise<RestoreReport> {
  const { header } = await readHeader(file);
  if (header.part !== 'data') throw new Error(`${file} is the ${header.part} part, not the data part`);
  mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
  let keyStore: RestoreReport['keyStore'] = 'restored from backup';
  let manifest: BackupManifest;
  if (header.dialect === 'sqlite') {
    const dataPath = join(target.dataDir, 'sealbridge.db');
    if (existsSync(dataPath)) throw new Error(`${dataPath} exists: restore into an empty data directory`);
    const opened = await openPart(live.vault, file, 'data', progress);
    manifest = opened.manifest;
    const partial = `${dataPath}.partial`;
    await pipeline(opened.dump, createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, dataPath);
    const keysPath = join(target.dataDir, 'vault-keys.db');
    if (existsSync(keysPath)) keyStore = 'kept the newer key store already there';
    else {
      const keys = await openPart(live.vault, `${file}.keys`, 'keys', progress);
      await pipeline(keys.dump, createWriteStream(`${keysPath}.partial`, { mode: 0o600 }));
      renameSync(`${keysPath}.partial`, keysPath);
    }
  } else {
    const url = target.databaseUrl ?? live.config.databaseUrl;
    if (!url) throw new Error('a PostgreSQL backup restores into a database: pass --database-url');
    target = { ...target, databaseUrl: url };
    const { header: keyHeader } = await readHeader(`${file}.keys`);
    if (await pgSchemaHasKeys(url, keyHeader.schema ?? 'sealbridge_keys')) keyStore = 'kept the newer key store already there';
    else await restorePgPart(live.vault, `${file}.keys`, 'keys', url, progress);
    manifest = (await restorePgPart(live.vault, file, 'data', url, progress)).manifest;
  }
  return drillChecks(live.config, target, header, manifest, keyStore);
}

/** Opens the restored stores as the server would, replays the erasure journal, verifies the audit trail, counts rows. */
async function drillChecks(
  live: Config,
  target: RestoreTarget,
  header: BackupHeader,
  manifest: BackupManifest,
  keyStore: RestoreReport['keyStore'],
): Promise<RestoreReport> {
  const config = await restoredConfig(live, target);
  const logger = createLogger({ level: 'warn' });
  const schema = header.schema && header.schema !== 'public' ? header.schema : undefined;
  const database = await openStore(config, logger, schema);
  const keys = await openKeyStore(config, logger, schema);
  try {
    const services = await createServices({ config, database, keys, logger });
    const replayed = await services.erasure.replayJournal({ accountId: 'cli:restore', roles: ['operator'], kind: 'staff' });
    await services.auditLog.stop();
    const result = await services.audit.verify({ external: [] });
    const restored =
      database.dialect === 'sqlite'
        ? await sqliteCounts(database.sqlitePath ?? '')
        : await pgCounts(database.db as Kysely<unknown>, database.pgSchema ?? 'public');
    // The journal replay and the verification append audit records: those tables may only have grown.
    const grows = new Set(['audit_log', 'audit_checkpoints', 'vault_subjects', 'kysely_migration', 'kysely_migration_lock']);
    const rows = Object.entries(manifest.tables).map(([table, expected]) => ({ table, expected, restored: restored[table] ?? -1 }));
    return {
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl ? target.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : null,
      keyStore,
      replayed,
      audit: { ok: result.ok, checkedRecords: result.checkedRecords, ...(result.ok ? {} : { reason: result.reason }) },
      rows,
      rowsMatch: rows.every((r) => (grows.has(r.table) ? r.restored >= r.expected : r.restored === r.expected)),
    };
  } finally {
    await database.close();
    await keys.close();
  }
}

/**
 * `backup verify <file>`: the restore drill. Authenticates both parts end to end, restores them into a scratch store
 * (a temporary directory, or a scratch PostgreSQL database that is dropped after), replays the erasure journal of the
 * backup's key store, runs the audit verifier and compares the row counts with the manifest.
 */
export async function verifyBackup(live: LiveStores, file: string, progress?: Progress): Promise<RestoreReport> {
  const { header } = await readHeader(file);
  const scratch = mkdtempSync(join(tmpdir(), 'sealbridge-drill-'));
  let dropDatabase: (() => Promise<void>) | undefined;
  try {
    let target: RestoreTarget = { dataDir: scratch };
    if (header.dialect === 'postgres') {
      const adminUrl = live.config.databaseUrl ?? '';
      const url = new URL(adminUrl);
      const name = `sealbridge_drill_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
      url.pathname = `/${name}`;
      target = { dataDir: scratch, databaseUrl: url.toString() };
    }
    return await restoreBackup(live, file, target, progress);
  } finally {
    await dropDatabase?.();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const USAGE = `backup create --out <file>            the data store to <file>, the key store to <file>.keys (both sealed)
backup verify <file>                  restore drill: authenticate, restore into a scratch store, audit verifier, row counts
backup restore <file> --data-dir <dir> [--database-url <postgres://…>]
                                      restore; a key store already in the target is newer and is kept`;

const MB = 1048576;

/**
 * Progress for long runs on stderr (stdout carries the JSON result): bytes done / total and MB/s. On a terminal one
 * line is redrawn in place; otherwise (a log, CI) a few lines only — when a phase starts, at each quarter of a known
 * total (or every 10 s without one) and when it ends.
 */
export function progressPrinter(out: { isTTY?: boolean; write: (text: string) => unknown }, clock: () => number = Date.now): Progress {
  const phases = new Map<string, { started: number; printed: number; lastAt: number }>();
  return ({ phase, bytes, total, unit, done }) => {
    const now = clock();
    const state = phases.get(phase) ?? { started: now, printed: -1, lastAt: 0 };
    phases.set(phase, state);
    const seconds = Math.max((now - state.started) / 1000, 0.001);
    const pages = unit === 'pages';
    const amount = pages
      ? `${bytes}${total ? ` / ${total}` : ''} pages`
      : `${(bytes / MB).toFixed(1)}${total ? ` / ${(total / MB).toFixed(1)}` : ''} MB`;
    const percent = total ? Math.min(100, Math.floor((bytes / total) * 100)) : null;
    const rate = pages ? '' : ` · ${(bytes / MB / seconds).toFixed(1)} MB/s`;
    const line = `${phase}: ${amount}${percent === null ? '' : ` (${percent}%)`}${rate}${done ? ` · done in ${seconds.toFixed(1)} s` : ''}`;
    if (out.isTTY) {
      out.write(`\r\x1b[K${line}${done ? '\n' : ''}`);
      return;
    }
    const quarter = percent === null ? null : Math.floor(percent / 25);
    const due = done || state.printed < 0 || (quarter !== null ? quarter > state.printed : now - state.lastAt >= 10_000);
    if (!due) return;
    state.printed = quarter ?? 0;
    state.lastAt = now;
    out.write(`${line}\n`);
  };
}

/** `npm run cli -- backup <create|verify|restore> …`. */
export async function backupCommand(sub: 'create' | 'verify' | 'restore', args: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const file = sub === 'create' ? flag('out') : args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const dataDir = flag('data-dir');
  if (!file || (sub === 'restore' && !dataDir)) {
    console.error(`usage:\n${USAGE}`);
    return 2;
  }
  const { loadConfig } = await import('../platform/config/index.ts');
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  try {
    const services = await createServices({ config, database, keys, logger });
    await services.auditLog.stop();
    const live: LiveStores = { config, database, keys, vault: services.vault };
    if (sub === 'create') {
      console.log(JSON.stringify(await createBackup(live, file, progressPrinter(process.stderr))));
      return 0;
    }
    const databaseUrl = flag('database-url');
    const progress = progressPrinter(process.stderr);
    const report =
      sub === 'verify'
        ? await verifyBackup(live, file, progress)
        : await restoreBackup(live, file, { dataDir: dataDir ?? '', ...(databaseUrl ? { databaseUrl } : {}) }, progress);
    console.log(JSON.stringify(report));
    return report.audit.ok && report.rowsMatch ? 0 : 1;
  } catch (error) {
    console.error(`backup ${sub} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
    await keys.close();
  }
}
