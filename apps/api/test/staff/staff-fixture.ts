import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@sealbridge/contracts';
import { createIdentityTestApp, type IdentityTestApp } from '../helpers/identity-app.ts';
import { authHeaders, signIn, type Session } from '../helpers/test-app.ts';
import type { DialectName } from '../../src/platform/db/index.ts';

export const PASSWORD = 'staff-fixture-password-1';

/** Signs in as a person would (a fresh client address; staff pass or enrol their second factor). */
export async function signInAs(app: FastifyInstance, loginName: string, password = PASSWORD): Promise<Session> {
  return signIn(app, loginName, password);
}

export type StaffFixture = IdentityTestApp & {
  account: (loginName: string, roles: Role[], kind?: 'staff' | 'customer') => Promise<string>;
  call: (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  auditOf: (type: string) => Promise<
    {
      decision: string;
      purpose: string | null;
      subject_id: string | null;
      data: Record<string, unknown>;
      actor_account_id: string | null;
    }[]
  >;
};

let accountNo = 100;
export async function createStaffFixture(dialect: DialectName): Promise<StaffFixture> {
  const t = await createIdentityTestApp(dialect);
  return {
    ...t,
    account: async (loginName, roles, kind = 'staff') => {
      accountNo += 1;
      const created = await t.app.services.identity.createAccount({
        kind,
        loginName,
        accountNo: `${kind === 'staff' ? 'S' : 'C'}-${accountNo}`,
        roles,
        password: PASSWORD,
      });
      return created.id;
    },
    call: (session, method, url, payload) =>
      t.app.inject({ method, url, headers: authHeaders(session), ...(payload === undefined ? {} : { payload: payload as object }) }),
    auditOf: async (type) => {
      const rows = await t.database.db.selectFrom('audit_log').selectAll().where('type', '=', type).orderBy('seq').execute();
      return rows.map((r) => ({
        decision: r.decision,
        purpose: r.purpose,
        subject_id: r.subject_id,
        data: JSON.parse(r.data) as Record<string, unknown>,
        actor_account_id: r.actor_account_id,
      }));
    },
  };
}
