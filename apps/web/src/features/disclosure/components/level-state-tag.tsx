import { Tag } from 'antd';
import type { TLevelState } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { dayOf } from './disclosure-labels.ts';

const COLORS: Record<TLevelState['state'], string> = {
  none: 'default',
  requested: 'processing',
  approved: 'success',
  declined: 'error',
  expired: 'warning',
  revoked: 'default',
  consent_withdrawn: 'error',
};

/** A level's state as a tag, with "until <day>" while it is open. */
export function LevelStateTag({
  level,
  testId,
}: {
  level: Pick<TLevelState, 'level' | 'state' | 'expiresAt' | 'active'>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = level.state === 'approved' && level.expiresAt;
  return (
    <Tag
      color={COLORS[level.state]}
      data-testid={testId}
      data-level={level.level}
      data-state={level.state}
      data-active={String(level.active)}
    >
      {t(`disclosure.grantStates.${level.state}`)}
      {open ? ` · ${t('disclosure.until', { date: dayOf(level.expiresAt, locale) })}` : ''}
    </Tag>
  );
}
