import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type TitleKey = 'home' | 'listings' | 'privacy' | 'login' | 'console' | 'notFound';

/** Sets document.title to "<page> — 封桥 Sealbridge" in the current language, following language switches. */
export function useDocumentTitle(page: TitleKey): void {
  const { t, i18n } = useTranslation();
  const title = `${t(`titles.${page}`)} — ${t('brand.titleSuffix')}`;
  useEffect(() => {
    document.title = title;
  }, [title, i18n.language]);
}
