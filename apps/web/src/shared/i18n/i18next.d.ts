import 'i18next';
import type { zhCN } from '../../locales/zh-CN.ts';

// Typed keys: t('home.hero.title') is checked against zh-CN at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
