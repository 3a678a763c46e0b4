import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { generate } from 'otplib';
import type { Database } from '../../src/db/schema.ts';
import {
  AUDIT_EVENTS,
  createAuditEventRegistry,
  createAuditLog,
  openAuditSigningKey,
  type AuditLog,
} from '../../src/modules/audit/index.ts';
import {
  createFactorsRepo,
  createFactorsService,
  FACTORS_AUDIT_EVENTS,
  relyingPartyFrom,
  type FactorsActor,
  type FactorsService,
  type FactorsTables,
  type RelyingParty,
} from '../../src/modules/factors/index.ts';
import { newId } from '../../src/platform/ids/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { createAesGcmSecretBox } from '../fakes/aes-gcm-secret-box.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';

/** Until db/schema.ts merges FactorsTables into Database, tests see the union. */
export type FactorsDb = Kysely<Database & FactorsTables>;

export type Clock = { now: () => Date; set: (iso: string | Date) => void; advance: (ms: number) => void };

export function createClock(start = '2026-12-01T08:00:10.000Z'): Clock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => void (current = new Date(at)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

export type FactorsFixture = {
  store: TestStore;
  db: FactorsDb;
  clock: Clock;
  rp: RelyingParty;
  box: ReturnType<typeof createAesGcmSecretBox>;
  auditLog: AuditLog;
  service: FactorsService;
  /** An account with a live session (rows written directly: the identity module is not under test here). */
  createAccount: (kind: 'staff' | 'customer', roles: string[]) => Promise<FactorsActor & { accountNo: string }>;
  newSession: (actor: FactorsActor) => Promise<FactorsActor>;
  /** A session that just signed in: counts as a recent step-up. */
  freshlySignedIn: (actor: FactorsActor) => Promise<void>;
  /** The TOTP code of the fixture clock's time, shifted by whole steps. */
  codeAt: (secret: string, stepOffset?: number) => Promise<string>;
  auditEvents: () => Promise<{ type: string; decision: string; data: Record<string, unknown> }[]>;
  close: () => Promise<void>;
};

export async function createFactorsFixture(
  dialect: DialectName,
  options: { passwordCheck?: (accountId: string, password: string) => Promise<boolean> } = {},
): Promise<FactorsFixture> {
  // inject() addresses requests to localhost: allow it next to the relying party's host.
  const store = await createTestStore(dialect, { PUBLIC_URL: 'https://sealbridge.test', ALLOWED_HOSTS: 'localhost' });
  const db = store.database.db as unknown as FactorsDb;
  const clock = createClock();
  const rp = relyingPartyFrom(store.config.publicUrl);
  const box = createAesGcmSecretBox();
  const origin = 'sealbridge.test/audit';
  const auditLog = createAuditLog({
    db: store.database.db,
    dialect,
    logger: store.logger,
    registry: createAuditEventRegistry([...AUDIT_EVENTS, ...FACTORS_AUDIT_EVENTS]),
    signingKey: await openAuditSigningKey({ seedBase64: undefined, dataDir: store.dataDir, keyName: origin }),
    origin,
    exportDir: join(store.dataDir, 'audit-export'),
  });
  const accountNos = new Map<string, string>();
  const accounts = new Map<string, { accountNo: string; kind: 'staff' | 'customer'; roles: string[] }>();
  const service = createFactorsService({
    repo: createFactorsRepo(db),
    audit: auditLog,
    secretBox: box,
    accounts: { findAccount: async (id) => accounts.get(id) },
    relyingParty: rp,
    now: clock.now,
    ...(options.passwordCheck ? { passwordCheck: options.passwordCheck } : {}),
  });

  async function newSession(actor: FactorsActor): Promise<FactorsActor> {
    const idHash = randomBytes(32).toString('hex');
    const at = clock.now().toISOString();
    await db
      .insertInto('sessions')
      .values({
        id_hash: idHash,
        account_id: actor.accountId,
        csrf_token: 'csrf',
        created_at: at,
        last_seen_at: at,
        expires_at: '2099-01-01T00:00:00.000Z',
        revoked_at: null,
        public_id: idHash.slice(0, 24),
        stage: 'active',
        device_browser: null,
        device_os: null,
      })
      .execute();
    return { ...actor, sessionId: idHash };
  }

  return {
    store,
    db,
    clock,
    rp,
    box,
    auditLog,
    service,
    async createAccount(kind, roles) {
      const id = newId();
      const accountNo = `${kind === 'staff' ? 'ST' : 'CU'}${String(accountNos.size + 1).padStart(6, '0')}`;
      accountNos.set(id, accountNo);
      accounts.set(id, { accountNo, kind, roles });
      const at = clock.now().toISOString();
      await db
        .insertInto('accounts')
        .values({
          id,
          kind,
          login_name: `${accountNo.toLowerCase()}@example.test`,
          account_no: accountNo,
          roles: roles.join(','),
          password_hash: 'unused',
          status: 'active',
          created_at: at,
          updated_at: at,
        })
        .execute();
      return { ...(await newSession({ accountId: id, sessionId: '', kind, roles })), accountNo };
    },
    newSession,
    freshlySignedIn: (actor) => service.recordFreshAuthentication(actor),
    codeAt: (secret, stepOffset = 0) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + stepOffset * 30 }),
    async auditEvents() {
      await auditLog.drain();
      const rows = await db
        .selectFrom('audit_log')
        .select(['type', 'decision', 'data'])
        .where('type', 'like', 'factors.%')
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({ type: r.type, decision: r.decision, data: JSON.parse(r.data) as Record<string, unknown> }));
    },
    async close() {
      await auditLog.stop();
      await store.cleanup();
    },
  };
}

/** Runs `work` and returns the AppError code and reason it threw (fails when it does not throw). */
export async function errorOf(
  work: Promise<unknown>,
): Promise<{ code: string; reason: unknown; details: Record<string, unknown> | undefined }> {
  try {
    await work;
  } catch (error) {
    const e = error as { code?: string; details?: Record<string, unknown> };
    return { code: String(e.code), reason: e.details?.['reason'], details: e.details };
  }
  throw new Error('expected the call to fail');
}

/** Starts and confirms a TOTP factor; returns its secret and first recovery codes. */
export async function enrolTotp(
  f: FactorsFixture,
  actor: FactorsActor,
): Promise<{ factorId: string; secret: string; recoveryCodes: string[] | null }> {
  await f.freshlySignedIn(actor);
  const started = await f.service.startTotpEnrolment(actor);
  const confirmed = await f.service.confirmTotp(actor, started.factorId, await f.codeAt(started.secret));
  return { factorId: started.factorId, secret: started.secret, recoveryCodes: confirmed.recoveryCodes };
}
