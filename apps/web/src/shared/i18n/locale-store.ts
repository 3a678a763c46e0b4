import type { Locale } from '@sealbridge/contracts';

/** localStorage key under which the visitor's language choice is remembered, per browser. */
export const LOCALE_STORAGE_KEY = 'sb.locale';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Maps any language tag i18next may report onto one of our two locales. */
export function toLocale(language: string | undefined | null): Locale {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Reads the remembered choice; zh-CN when nothing (or something unreadable) is stored. Never throws. */
export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return stored === 'en' || stored === 'zh-CN' ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Remembers the choice; silently does nothing when storage is blocked (private mode, policies). */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage unavailable: the choice lasts for this page load only.
  }
}
