// The identifier guard for stored free text (DESIGN invariant 1; BRIEF: "every stored free-text field passes the
// identifier guard"). Evasion-aware: "一三八…", "138 我的 1234…", "wang at qq dot com" are refused like the plain
// forms. Refusals say where (field, kind, offsets) and never what.
import { detectEvasive, normalizeEmail } from '@sealbridge/cn-identifiers';
import type { TTextFinding } from '@sealbridge/contracts';
import { AppError } from '../errors/index.ts';

export type GuardedText = { field: string; text: string | null | undefined };
export type GuardOptions = {
  /** E-mail addresses the text may carry because they are published anyway (the privacy officer's). */
  allowedEmails?: readonly string[];
  now?: Date;
};

/** Identifiers in the texts, however written: field, kind and UTF-16 offsets of each, sorted by field. */
export function identifiersIn(texts: readonly GuardedText[], options: GuardOptions = {}): TTextFinding[] {
  const allowed = new Set((options.allowedEmails ?? []).map((e) => normalizeEmail(e)));
  const findings: TTextFinding[] = [];
  for (const { field, text } of texts) {
    if (!text) continue;
    for (const f of detectEvasive(text, options.now ? { today: options.now } : {})) {
      if (f.type === 'email' && allowed.has(f.value)) continue;
      findings.push({ field, kind: f.type, start: f.start, end: f.end });
    }
  }
  return findings.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field < b.field ? -1 : 1));
}

/** Throws FREE_TEXT_IDENTIFIERS (422; details.findings: field, kind, start, end) when any text holds an identifier. */
export function assertNoIdentifiers(texts: readonly GuardedText[], options: GuardOptions = {}): void {
  const findings = identifiersIn(texts, options);
  if (findings.length > 0)
    throw new AppError('FREE_TEXT_IDENTIFIERS', `identifiers in ${[...new Set(findings.map((f) => f.field))].join(', ')}`, { findings });
}
