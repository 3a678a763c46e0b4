import { useTranslation } from 'react-i18next';
import type { Locale } from '@sealbridge/contracts';
import { toLocale } from './locale-store.ts';

/** The current locale, re-rendering the caller when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.language);
}
