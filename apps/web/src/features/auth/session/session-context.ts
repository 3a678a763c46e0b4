import { createContext, useContext } from 'react';
import type { TAccount } from '@sealbridge/contracts';

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous' | 'error';

export type Session = {
  status: SessionStatus;
  account: TAccount | undefined;
  /** The failure of the last /api/auth/me call when it was not a plain 401. */
  error: unknown;
  /** Re-asks the server who is signed in (e.g. when entering the console). */
  refresh: () => void;
  /** Records the account returned by a successful sign-in. */
  signedIn: (account: TAccount) => void;
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
