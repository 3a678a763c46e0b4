import { createContext, useContext } from 'react';
import type { SessionStage, TAccount, TAccountResponse, TSecondFactorChallenge } from '@sealbridge/contracts';

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous' | 'error';

export type Session = {
  status: SessionStatus;
  account: TAccount | undefined;
  /**
   * Where the session stands (from the server, never assumed): `active`, or still owing the second step
   * (`second_factor`) or a first factor (`enrol_factor`, staff). Undefined unless authenticated.
   */
  stage: SessionStage | undefined;
  /** The methods the second step may use, while the stage is `second_factor`. */
  secondFactor: TSecondFactorChallenge | null;
  /** The failure of the last /api/auth/me call when it was not a plain 401. */
  error: unknown;
  /** Re-asks the server who is signed in (e.g. when entering the console). */
  refresh: () => void;
  /** Re-asks the server and resolves with its answer (after a step-up or an enrolment changed the stage). */
  reload: () => Promise<TAccountResponse | undefined>;
  /** Records the answer of a successful sign-in or registration. */
  signedIn: (response: TAccountResponse) => void;
  /** Ends the session on the server, then forgets the account locally. */
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

export function isStaff(account: TAccount | undefined): boolean {
  return account?.kind === 'staff';
}

export function isCustomer(account: TAccount | undefined): boolean {
  return account?.kind === 'customer';
}

/** Signed in and past every sign-in step: the only state in which pages beyond the sign-in steps are shown. */
export function isActive(session: Pick<Session, 'status' | 'stage'>): boolean {
  return session.status === 'authenticated' && session.stage === 'active';
}

/** The page a signed-in session that is not yet active must finish first, or undefined when it is active. */
export function pendingStepPath(session: Pick<Session, 'status' | 'stage'>): string | undefined {
  if (session.status !== 'authenticated') return undefined;
  if (session.stage === 'second_factor') return '/login';
  if (session.stage === 'enrol_factor') return '/security/enrol';
  return undefined;
}
