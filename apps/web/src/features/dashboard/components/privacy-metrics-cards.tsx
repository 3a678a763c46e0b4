import { Card, Statistic } from 'antd';
import { ZPrivacyMetrics, type TPrivacyMetrics } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../../shared/api/http-client.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';

const getMetrics = (signal?: AbortSignal): Promise<TPrivacyMetrics> =>
  apiRequest('/api/staff/privacy-metrics', (v) => ZPrivacyMetrics.parse(v), { signal });

/** Live privacy metrics (issue 19): counted by the server on every visit, never typed in. */
export function PrivacyMetricsCards() {
  const { t } = useTranslation();
  const metrics = useApiQuery((signal) => getMetrics(signal), 'privacy-metrics');
  const m = metrics.data;
  const items = m
    ? [
        { key: 'overdue' as const, value: m.overdueRightsRequests, warn: m.overdueRightsRequests > 0 },
        { key: 'expiring' as const, value: m.expiringTrainings, warn: m.expiringTrainings > 0 },
        { key: 'alerts' as const, value: m.openAlerts, warn: m.openAlerts > 0 },
        {
          key: 'review' as const,
          value: m.accessReviewCompletion ?? '—',
          suffix: m.accessReviewCompletion === null ? '' : '%',
          warn: false,
        },
        { key: 'withdrawals' as const, value: m.consentWithdrawals30d, warn: false },
      ]
    : [];
  return (
    <section data-testid="privacy-metrics">
      <h2 className="sb-console-section-title">{t('staff.metrics.title')}</h2>
      {metrics.error !== undefined && <ApiErrorAlert error={metrics.error} onRetry={metrics.reload} />}
      <div className="sb-enforcement-grid">
        {items.map((item) => (
          <Card key={item.key} size="small">
            <Statistic
              title={t(`staff.metrics.${item.key}`)}
              value={item.value}
              suffix={item.suffix}
              styles={item.warn ? { content: { color: '#cf1322' } } : undefined}
            />
          </Card>
        ))}
      </div>
    </section>
  );
}
