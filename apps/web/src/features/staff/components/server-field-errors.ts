import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, validationIssues } from '../../../shared/api/api-error.ts';

/** A server path (`questions.0.options.1` from validation, `questions[0].options[1]` from the free-text guard) as a form name. */
export function formNameOf(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Marks the fields a failed save rejected, from the server's error code and details: VALIDATION_FAILED issues and
 * FREE_TEXT_IDENTIFIERS findings. Returns the names marked (none: show the error as a whole only).
 */
export function markServerFieldErrors(form: FormInstance, error: unknown, t: TFunction, known: readonly string[]): (string | number)[][] {
  if (!(error instanceof ApiError)) return [];
  const marks = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const mark = (path: string, message: string) => {
    const name = formNameOf(path);
    if (name.length === 0 || !known.includes(String(name[0]))) return;
    const key = name.join('.');
    const entry = marks.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    marks.set(key, entry);
  };
  if (error.code === 'VALIDATION_FAILED')
    for (const issue of validationIssues(error)) mark(issue.path, t('staff.programAdmin.errors.invalid'));
  if (error.code === 'FREE_TEXT_IDENTIFIERS' && Array.isArray(error.details?.['findings']))
    for (const finding of error.details['findings'] as { field?: unknown; kind?: unknown }[])
      if (typeof finding.field === 'string')
        mark(
          finding.field,
          t('staff.programAdmin.errors.identifier', {
            kind: t(`market.seller.findingKinds.${String(finding.kind)}`, { defaultValue: String(finding.kind) }),
          }),
        );
  form.setFields([...marks.values()]);
  return [...marks.values()].map((m) => m.name);
}
