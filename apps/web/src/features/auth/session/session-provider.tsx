import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { CSRF_COOKIE, readCsrfToken } from '../../../shared/api/csrf.ts';
import { getCurrentSession, logout } from '../api/auth-api.ts';
import type { SessionStage, TAccount, TAccountResponse, TSecondFactorChallenge } from '@sealbridge/contracts';
import { SessionContext } from './session-context.ts';
import type { Session, SessionStatus } from './session-context.ts';

type State = {
  status: SessionStatus;
  account: TAccount | undefined;
  stage: SessionStage | undefined;
  secondFactor: TSecondFactorChallenge | null;
  error: unknown;
};

const ANONYMOUS: State = { status: 'anonymous', account: undefined, stage: undefined, secondFactor: null, error: undefined };

function fromResponse(response: TAccountResponse): State {
  return {
    status: 'authenticated',
    account: response.account,
    stage: response.stage,
    secondFactor: response.secondFactor,
    error: undefined,
  };
}

/** Holds who is signed in and how far the sign-in got, learned from /api/auth/me at start-up and from sign-in / sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ ...ANONYMOUS, status: 'loading' });
  const inflight = useRef<AbortController | null>(null);

  const ask = useCallback((): Promise<TAccountResponse | undefined> => {
    inflight.current?.abort();
    // The readable CSRF cookie lives exactly as long as a session: without it nobody is signed in, and asking
    // would only log a 401 in the console of every anonymous visitor.
    if (!readCsrfToken()) {
      inflight.current = null;
      setState(ANONYMOUS);
      return Promise.resolve(undefined);
    }
    const controller = new AbortController();
    inflight.current = controller;
    setState((s) => ({ ...s, status: s.account ? s.status : 'loading' }));
    return getCurrentSession(controller.signal).then(
      (response) => {
        if (!controller.signal.aborted) setState(fromResponse(response));
        return response;
      },
      (error: unknown) => {
        if (controller.signal.aborted) return undefined;
        const anonymous = error instanceof ApiError && error.status === 401;
        // A session ended elsewhere leaves its cookie behind: forget it so the next page does not ask again.
        if (anonymous) document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
        setState(anonymous ? ANONYMOUS : { ...ANONYMOUS, status: 'error', error });
        return undefined;
      },
    );
  }, []);

  const refresh = useCallback(() => void ask(), [ask]);

  useEffect(() => {
    refresh();
    return () => inflight.current?.abort();
  }, [refresh]);

  const signedIn = useCallback((response: TAccountResponse) => {
    inflight.current?.abort();
    setState(fromResponse(response));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      // Forget the account even if the server call failed: the UI must never look signed in by mistake.
      setState(ANONYMOUS);
    }
  }, []);

  const session = useMemo<Session>(() => ({ ...state, refresh, reload: ask, signedIn, signOut }), [state, refresh, ask, signedIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
