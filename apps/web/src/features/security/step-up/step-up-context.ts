import { createContext, useCallback, useContext } from 'react';
import { withStepUp } from '../api/step-up-retry.ts';
import type { StepUpPrompt } from '../api/step-up-retry.ts';

export const StepUpContext = createContext<StepUpPrompt | undefined>(undefined);

/**
 * `withStepUp(fn)`: runs `fn`; on 403 STEP_UP_REQUIRED opens the step-up dialog and, once the person confirmed it
 * is them, runs `fn` again. Rejects with StepUpCancelled (see `isStepUpCancelled`) when they close the dialog.
 */
export function useStepUp(): <T>(work: () => Promise<T>) => Promise<T> {
  const prompt = useContext(StepUpContext);
  if (!prompt) throw new Error('useStepUp must be used inside <StepUpProvider>');
  return useCallback(<T>(work: () => Promise<T>) => withStepUp(work, prompt), [prompt]);
}
