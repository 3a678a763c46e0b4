import type { TTextFinding } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import { scanFreeText } from '../listings/index.ts';

/** Officers' text (reasons, causes, reviews) is stored: it must not hold an identifier (evasion-aware scan). */
export function guardText(texts: { field: string; text: string | undefined }[]): void {
  const findings: TTextFinding[] = scanFreeText(
    texts.filter((t): t is { field: string; text: string } => Boolean(t.text)),
    null,
  );
  if (findings.length) throw new AppError('FREE_TEXT_IDENTIFIERS', 'text contains identifiers', { findings });
}
