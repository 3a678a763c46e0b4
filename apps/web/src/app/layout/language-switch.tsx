import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../../shared/i18n/i18n.ts';
import { useLocale } from '../../shared/i18n/use-locale.ts';

type Props = { className?: string; dark?: boolean };

/** Toggles zh-CN ⇄ en; the choice is remembered in localStorage (sb.locale). */
export function LanguageSwitch({ className, dark }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      className={[dark ? 'sb-lang-switch sb-lang-switch-dark' : 'sb-lang-switch', className].filter(Boolean).join(' ')}
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      // The visible word is the accessible name (WCAG 2.5.3); the longer wording is the tooltip.
      title={t('lang.switchLabel')}
      lang={next}
      onClick={() => void changeLocale(next)}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
