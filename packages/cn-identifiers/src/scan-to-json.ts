import { detect } from './detect.ts';
import type { DetectOptions } from './types.ts';

/**
 * The CLI's output for `pii scan`: `{"findings":[{"type","start","end"}]}`, with `"evasion":[…]` on each finding
 * when `options.evasion` is on. Values are left out on purpose, so that scanning a file never copies the
 * identifiers into a terminal, a log or a CI transcript.
 */
export function scanToJson(text: string, options: DetectOptions = {}): string {
  const findings = options.evasion
    ? detect(text, { ...options, evasion: true }).map(({ type, start, end, evasion }) => ({ type, start, end, evasion }))
    : detect(text, options).map(({ type, start, end }) => ({ type, start, end }));
  return JSON.stringify({ findings });
}
