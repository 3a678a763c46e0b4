import { useState } from 'react';

export type ActionState = {
  /** Grows after every action that succeeded: put it in the page's query keys so they load again. */
  round: number;
  /** The last action's failure, cleared when the next one starts (show it with `ApiErrorAlert`). */
  error: unknown;
  /** True while an action runs (a submit button's `loading`). */
  busy: boolean;
  /** Runs an action: clears the last error, then reloads on success or keeps the failure. */
  run: (work: () => Promise<unknown>) => void;
};

/** The pages' action wrapper (consoles, 我的隐私): one error to show, a busy flag, and a round that reloads the queries. */
export function useAction(): ActionState {
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<unknown>) =>
    void (async () => {
      setBusy(true);
      setError(undefined);
      try {
        await work();
        setRound((n) => n + 1);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    })();
  return { round, error, busy, run };
}
