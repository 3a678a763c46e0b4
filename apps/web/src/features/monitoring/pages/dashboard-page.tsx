import { Card, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getDashboard } from '../api/monitoring-api.ts';
import { SeverityTag } from '../components/labels.tsx';
import { StackedBars } from '../components/stacked-bars.tsx';
import '../monitoring.css';

/** The security dashboard: counts from the audit trail, never a personal value. */
export function SecurityDashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle('securityDashboard');
  const [days, setDays] = useState(14);
  const query = useApiQuery((signal) => getDashboard(days, signal), String(days));
  const d = query.data;
  return (
    <div className="sb-monitoring" data-testid="security-dashboard-page">
      <Typography.Title level={1} className="sb-console-title">
        {t('monitoring.dashboardTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('monitoring.dashboardIntro')}</Typography.Paragraph>
      <Segmented<number>
        className="sb-monitoring-filter"
        value={days}
        onChange={setDays}
        options={[7, 14, 30].map((n) => ({ value: n, label: t('monitoring.days', { n }) }))}
      />
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {d ? (
        <div className="sb-monitoring-grid">
          <Card title={t('monitoring.openAlerts')}>
            <div className="sb-monitoring-legend">
              {d.openAlerts.length
                ? d.openAlerts.map((a) => (
                    <span key={a.severity}>
                      <SeverityTag severity={a.severity} /> <Statistic value={a.count} className="sb-monitoring-inline" />
                    </span>
                  ))
                : t('monitoring.empty')}
            </div>
          </Card>
          <Card title={t('monitoring.revealsByPurpose')}>
            <StackedBars
              title={t('monitoring.revealsByPurpose')}
              days={d.days}
              rows={d.revealsByPurpose.map((r) => ({ day: r.day, key: r.purpose, count: r.count }))}
            />
          </Card>
          <Card title={t('monitoring.revealsByRole')}>
            <StackedBars
              title={t('monitoring.revealsByRole')}
              days={d.days}
              rows={d.revealsByRole.map((r) => ({ day: r.day, key: r.role, count: r.count }))}
            />
          </Card>
          <Card title={t('monitoring.refused')}>
            <StackedBars
              title={t('monitoring.refused')}
              days={d.days}
              rows={d.refused.map((r) => ({ day: r.day, key: '', count: r.count }))}
            />
          </Card>
          <Card title={t('monitoring.signInFailures')}>
            <StackedBars
              title={t('monitoring.signInFailures')}
              days={d.days}
              rows={d.signInFailures.map((r) => ({ day: r.day, key: '', count: r.count }))}
            />
          </Card>
          <Card title={t('monitoring.topActors')}>
            <Table
              size="small"
              rowKey="accountId"
              pagination={false}
              dataSource={d.topActors}
              columns={[
                { title: t('monitoring.col.actor'), dataIndex: 'staffNo', render: (v: string | null, r) => v ?? r.accountId.slice(0, 8) },
                { title: t('monitoring.col.role'), dataIndex: 'role' },
                { title: t('monitoring.count'), dataIndex: 'count' },
              ]}
            />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
