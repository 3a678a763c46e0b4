import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { zhCN } from '../../locales/zh-CN.ts';

type TitleKey = keyof typeof zhCN.titles;

/** Sets document.title to "<page> — 封桥 Sealbridge" in the current language, following language switches. */
export function useDocumentTitle(page: TitleKey): void {
  const { t, i18n } = useTranslation();
  const title = `${t(`titles.${page}`)} — ${t('brand.titleSuffix')}`;
  useEffect(() => {
    document.title = title;
  }, [title, i18n.language]);
}
