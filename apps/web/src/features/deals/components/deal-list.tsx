import { DEAL_STATUSES, type DealStatus } from '@sealbridge/contracts';
import { Card, Empty, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dealsApi } from '../api/deals-api.ts';
import { STATUS_COLORS } from './deal-detail.tsx';
import { useDealLabels } from './deal-labels.ts';
import '../deals.css';

/** The caller's deals as cards (they fit a phone as well as a desk), filtered by status. */
export function DealList({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const [status, setStatus] = useState<DealStatus | 'all'>('open');
  const query = useApiQuery((signal) => dealsApi.list(status === 'all' ? undefined : status, signal), status);
  return (
    <div className="sb-deal-list">
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as DealStatus | 'all')}
        options={[
          ...DEAL_STATUSES.map((s) => ({ value: s, label: t(`deals.statuses.${s}`) })),
          { value: 'all', label: t('deals.list.all') },
        ]}
      />
      {query.error ? (
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
      ) : (query.data?.items.length ?? 0) === 0 && !query.loading ? (
        <Empty description={t('deals.list.empty')} />
      ) : (
        <div className="sb-deal-grid" data-testid="deal-list">
          {(query.data?.items ?? []).map((d) => (
            <Link key={d.id} to={`${basePath}/${d.id}`} data-testid={`deal-${d.listingCode}`}>
              <Card
                size="small"
                hoverable
                title={d.code}
                extra={<Tag color={STATUS_COLORS[d.status]}>{t(`deals.statuses.${d.status}`)}</Tag>}
              >
                <div className="sb-deal-item-meta">
                  <span>
                    {t('deals.list.listing')}：{d.listingCode}
                  </span>
                  <span>
                    {t('deals.list.buyer')}：{d.buyerAlias}
                  </span>
                  <Tag color="blue">{labels.stage(d.stage)}</Tag>
                  <Tag>{t(`deals.sides.${d.side}`)}</Tag>
                </div>
                <div className="sb-deal-item-meta">
                  <span>{d.myOpenItems > 0 ? t('deals.list.myOpen', { count: d.myOpenItems }) : t('deals.list.nothingOpen')}</span>
                  {d.nextDueOn && <span>{t('deals.list.nextDue', { date: labels.day(d.nextDueOn) })}</span>}
                </div>
              </Card>
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
