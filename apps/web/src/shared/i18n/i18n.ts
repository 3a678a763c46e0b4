import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@sealbridge/contracts';
import { readStoredLocale, storeLocale, toLocale } from './locale-store.ts';

/**
 * Each language is its own chunk, fetched only when it is in use: a visitor downloads the messages of one
 * language, and the other follows only when they switch (ADR 0016, addendum).
 */
const LOADERS: Record<Locale, () => Promise<Record<string, unknown>>> = {
  'zh-CN': () => import('../../locales/zh-CN.ts').then((m) => m.zhCN),
  en: () => import('../../locales/en.ts').then((m) => m.en),
};

/** The app's single i18next instance. Its resources arrive with loadLocale(); the app renders after `i18nReady`. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {},
  lng: readStoredLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  initAsync: false,
  // React escapes what it renders; escaping here would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Fetches one language's messages once (a no-op when they are already there). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  i18n.addResourceBundle(locale, 'translation', await LOADERS[locale](), true, true);
}

function applyToDocument(language: string): void {
  document.documentElement.lang = toLocale(language);
}

/** Resolves when the messages of the language in use are loaded: render nothing translated before it. */
export const i18nReady: Promise<void> = loadLocale(toLocale(i18n.language)).then(async () => {
  // i18next resolved the language before its messages existed: let it pick them up now.
  await i18n.changeLanguage(i18n.language);
});

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** The locale in use right now (for headers and error texts outside React). */
export function currentLocale(): Locale {
  return toLocale(i18n.language);
}

/** Switches the language (fetching its messages first), remembers it for this browser and updates <html lang>. */
export async function changeLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  storeLocale(locale);
  await i18n.changeLanguage(locale);
}
