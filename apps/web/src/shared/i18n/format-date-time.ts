import type { Locale } from '@sealbridge/contracts';

type Options = { seconds?: boolean };

/** A server timestamp (ISO 8601) as date and time in the reader's language and time zone; the raw text when unparsable. */
export function formatDateTime(iso: string, locale: Locale, options: Options = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: options.seconds ? 'medium' : 'short' }).format(date);
}
