import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@sealbridge/contracts';
import { zhCN } from '../../locales/zh-CN.ts';
import { en } from '../../locales/en.ts';
import { readStoredLocale, storeLocale, toLocale } from './locale-store.ts';

/** The app's single i18next instance. Resources are bundled, so initialisation is synchronous. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: readStoredLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  initAsync: false,
  // React escapes what it renders; escaping here would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyToDocument(language: string): void {
  document.documentElement.lang = toLocale(language);
}

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** The locale in use right now (for headers and error texts outside React). */
export function currentLocale(): Locale {
  return toLocale(i18n.language);
}

/** Switches the language, remembers it for this browser and updates <html lang>. */
export async function changeLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  await i18n.changeLanguage(locale);
}
