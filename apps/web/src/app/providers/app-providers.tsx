import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SessionProvider } from '../../features/auth/session/session-provider.tsx';
import { StepUpProvider } from '../../features/security/step-up/step-up-provider.tsx';
import { i18n } from '../../shared/i18n/i18n.ts';
import { useLocale } from '../../shared/i18n/use-locale.ts';
import { useFocusableScrollRegions } from '../../shared/ui/focusable-scroll-regions.ts';
import { themeFor } from './theme.ts';

/** antd's own texts (pagination, empty states, form messages) follow the language switch. */
function AntdLocale({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={themeFor(locale)} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  useFocusableScrollRegions();
  return (
    <I18nextProvider i18n={i18n}>
      <AntdLocale>
        <SessionProvider>
          <StepUpProvider>{children}</StepUpProvider>
        </SessionProvider>
      </AntdLocale>
    </I18nextProvider>
  );
}
