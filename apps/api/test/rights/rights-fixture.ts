import { createIdentityRepo, createIdentityService } from '../../src/modules/identity/index.ts';
import { createRightsRepo, createRightsService, type RightsService } from '../../src/modules/rights/index.ts';
import { loadChinaCalendar } from '../../src/platform/calendar/index.ts';
import type { DialectName } from '../../src/platform/db/index.ts';
import { AppError } from '../../src/platform/errors/index.ts';
import type { Principal } from '../../src/platform/http/index.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';
import { completeStaffTraining } from '../helpers/staff-training.ts';

export type RightsFixture = {
  t: TestApp;
  ids: Record<'alice' | 'bob' | 'officer', string>;
  alice: Session;
  bob: Session;
  officer: Session;
  clock: { at: number };
  /** The same service over the same store, with a clock the test moves and a step-up the test sets. */
  timed: RightsService;
  stepUp: { fresh: boolean };
  notices: { accountId: string; kind: string; params: Readonly<Record<string, string | number>> }[];
};

export const principal = (accountId: string): Principal => ({
  accountId,
  sessionId: 'timed-session',
  kind: 'customer',
  roles: ['buyer'],
  csrfToken: '',
  stage: 'active',
});
export const officerPrincipal = (accountId: string): Principal => ({
  accountId,
  sessionId: 'timed-officer',
  kind: 'staff',
  roles: ['privacy_officer'],
  csrfToken: '',
  stage: 'active',
});

/** Two customers and a trained privacy officer, signed in (a sign-in is a fresh authentication: identity holds). */
export async function createRightsFixture(dialect: DialectName): Promise<RightsFixture> {
  const t = await createTestApp(dialect);
  await t.app.ready();
  const identity = createIdentityService({ repo: createIdentityRepo(t.database.db) });
  const make = async (loginName: string, accountNo: string, kind: 'staff' | 'customer', role: string) =>
    (await identity.createAccount({ kind, loginName, accountNo, roles: [role as 'buyer'], password: `pw-${loginName}-1` })).id;
  const ids = {
    alice: await make('alice', 'C-11', 'customer', 'buyer'),
    bob: await make('bob', 'C-12', 'customer', 'seller'),
    officer: await make('officer', 'S-11', 'staff', 'privacy_officer'),
  };
  await completeStaffTraining(t.app.services, ids.officer);
  const [alice, bob, officer] = [
    await signIn(t.app, 'alice', 'pw-alice-1'),
    await signIn(t.app, 'bob', 'pw-bob-1'),
    await signIn(t.app, 'officer', 'pw-officer-1'),
  ];
  const clock = { at: Date.now() };
  const stepUp = { fresh: false };
  const notices: RightsFixture['notices'] = [];
  const s = t.app.services;
  const timed = createRightsService({
    repo: createRightsRepo(t.database.db),
    audit: s.auditLog,
    vault: s.vault,
    subjectOfCustomer: (accountId) => s.profiles.ensureSubject(accountId),
    subjectsOfAccount: s.subjectsOfAccount,
    requireStepUp: async () => {
      if (!stepUp.fresh) throw new AppError('STEP_UP_REQUIRED');
      return { method: 'totp' };
    },
    notifications: {
      notify: async (n) => void notices.push(n),
      notifyMany: async (ns) => void notices.push(...ns),
    },
    officers: async () => [ids.officer],
    accountNumbers: async () => new Map(),
    calendar: loadChinaCalendar(),
    now: () => new Date(clock.at),
  });
  return { t, ids, alice, bob, officer, clock, timed, stepUp, notices };
}

let filings = 0;

export async function fileRequest(f: RightsFixture, session: Session, payload: Record<string, unknown>) {
  // Each filing from an address of its own, so the per-address rate limit does not trip a test.
  filings += 1;
  const remoteAddress = `10.251.${Math.floor(filings / 250) % 250}.${(filings % 250) + 1}`;
  return f.t.app.inject({ method: 'POST', url: '/api/me/rights-requests', headers: authHeaders(session), payload, remoteAddress });
}

export async function staffAction(f: RightsFixture, id: string, action: string, payload?: Record<string, unknown>) {
  return f.t.app.inject({
    method: 'POST',
    url: `/api/staff/rights-requests/${id}/${action}`,
    headers: authHeaders(f.officer),
    ...(payload ? { payload } : {}),
  });
}
