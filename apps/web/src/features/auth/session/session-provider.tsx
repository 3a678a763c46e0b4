import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { getCurrentAccount, logout } from '../api/auth-api.ts';
import type { TAccount } from '@sealbridge/contracts';
import { SessionContext } from './session-context.ts';
import type { Session, SessionStatus } from './session-context.ts';

type State = { status: SessionStatus; account: TAccount | undefined; error: unknown };

/** Holds who is signed in, learned from /api/auth/me at start-up and from sign-in / sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', account: undefined, error: undefined });
  const inflight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    setState((s) => ({ ...s, status: s.account ? s.status : 'loading' }));
    getCurrentAccount(controller.signal).then(
      (account) => {
        if (!controller.signal.aborted) setState({ status: 'authenticated', account, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const anonymous = error instanceof ApiError && error.status === 401;
        setState({ status: anonymous ? 'anonymous' : 'error', account: undefined, error: anonymous ? undefined : error });
      },
    );
  }, []);

  useEffect(() => {
    refresh();
    return () => inflight.current?.abort();
  }, [refresh]);

  const signedIn = useCallback((account: TAccount) => {
    inflight.current?.abort();
    setState({ status: 'authenticated', account, error: undefined });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      // Forget the account even if the server call failed: the UI must never look signed in by mistake.
      setState({ status: 'anonymous', account: undefined, error: undefined });
    }
  }, []);

  const session = useMemo<Session>(
    () => ({ ...state, refresh, signedIn, signOut }),
    [state, refresh, signedIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
