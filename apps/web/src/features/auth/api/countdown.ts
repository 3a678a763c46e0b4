/** Whole seconds from `now` until `deadline` (epoch ms), never negative; rounded up so "0" means "now". */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** The instant (epoch ms) a new code may be requested, from the server's `resendAfterSeconds`. */
export function resendDeadline(now: number, resendAfterSeconds: number): number {
  return now + Math.max(0, resendAfterSeconds) * 1000;
}

/** From a 429's Retry-After-like details (`retryAfterSeconds`), when present and sane. */
export function retryAfterSeconds(details: Record<string, unknown> | undefined): number | undefined {
  const value = details?.['retryAfterSeconds'];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined;
}
