import { ApiError } from '../../../shared/api/api-error.ts';

/**
 * Asks the person to re-authenticate this session (second factor, or the password when they have none).
 * Resolves true once POST /api/auth/step-up succeeded, false when they cancelled.
 */
export type StepUpPrompt = () => Promise<boolean>;

/** Thrown by `withStepUp` when the person closed the step-up dialog: callers show nothing for it. */
export class StepUpCancelled extends Error {
  constructor() {
    super('step-up cancelled');
    this.name = 'StepUpCancelled';
  }
}

export function isStepUpRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'STEP_UP_REQUIRED';
}

export function isStepUpCancelled(error: unknown): error is StepUpCancelled {
  return error instanceof StepUpCancelled;
}

/**
 * Runs `work`; when the server answers 403 STEP_UP_REQUIRED, prompts for a step-up and runs `work` once more.
 * Exactly one retry: a second STEP_UP_REQUIRED (e.g. the route wants a shorter window) is thrown to the caller,
 * so a misbehaving server cannot loop the dialog. Any other failure is thrown untouched, without a prompt.
 */
export async function withStepUp<T>(work: () => Promise<T>, prompt: StepUpPrompt): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isStepUpRequired(error)) throw error;
  }
  if (!(await prompt())) throw new StepUpCancelled();
  return work();
}
