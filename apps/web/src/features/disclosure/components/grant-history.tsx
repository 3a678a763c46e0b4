import { Card, Empty, Timeline } from 'antd';
import type { TControlPanel } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

const ACTIONS = ['requested', 'approved', 'declined', 'renewed', 'revoked', 'expired', 'withdrawn'] as const;
const ACTORS = ['buyer', 'seller', 'broker', 'system'] as const;
const known = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Every change of every grant on a listing, newest first: when, which buyer, which level, what, by whom and why. */
export function GrantHistory({ history }: { history: TControlPanel['history'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t('disclosure.panel.historyTitle')} className="sb-history" data-testid="access-history">
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disclosure.panel.historyEmpty')} />
      ) : (
        <Timeline
          items={history.map((e, index) => ({
            key: `${e.at}-${index}`,
            content: (
              <div data-testid="history-entry" data-action={e.action}>
                <strong>{known(ACTIONS, e.action) ? t(`disclosure.grantActions.${e.action}`) : e.action}</strong> · {e.level} ·{' '}
                {t('disclosure.alias', { alias: e.buyerAlias })}
                <div className="sb-muted">
                  {formatDateTime(e.at, locale)} · {known(ACTORS, e.actorRole) ? t(`disclosure.actorRoles.${e.actorRole}`) : e.actorRole}
                  {e.reason ? ` · ${t('disclosure.mine.reason', { reason: e.reason })}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
