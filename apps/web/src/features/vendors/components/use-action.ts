import { useState } from 'react';

/** Runs an officer's action, keeps its error for display and bumps a round so the lists reload. */
export function useAction() {
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    try {
      await work();
      setRound((n) => n + 1);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };
  return { round, error, run };
}

/** A `YYYY-MM-DD` from a date input as the start of that Beijing day, ISO. */
export const dayToIso = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
