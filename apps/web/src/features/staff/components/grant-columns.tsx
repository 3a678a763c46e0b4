import { Tag } from 'antd';
import type { TBreakGlassGrant } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

/** The break-glass grant tables' shared columns (the requester's page and the officer's alerts): expiry and state. */
export function useGrantColumns() {
  const { t } = useTranslation();
  const locale = useLocale();
  return [
    {
      title: t('staff.breakGlass.expiresAt'),
      key: 'expires',
      render: (_: unknown, g: TBreakGlassGrant) => formatDateTime(g.expiresAt, locale),
    },
    {
      title: t('staff.breakGlass.state'),
      key: 'state',
      render: (_: unknown, g: TBreakGlassGrant) => (
        <Tag color={g.active ? 'red' : 'default'}>{g.active ? t('staff.breakGlass.active') : t('staff.breakGlass.over')}</Tag>
      ),
    },
  ];
}
