import type { AlertStatus, TSecurityAlert } from '@sealbridge/contracts';
import { Button, Input, Modal, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { decideAlert, getAlerts } from '../api/monitoring-api.ts';
import { SeverityTag, useRuleLabel } from '../components/labels.tsx';
import '../monitoring.css';

type Filter = AlertStatus | 'all';

/** The security officer's alert queue: evidence as audit sequence numbers; acknowledge, escalate or dismiss. */
export function AlertsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const ruleLabel = useRuleLabel();
  useDocumentTitle('securityAlerts');
  const [filter, setFilter] = useState<Filter>('open');
  const query = useApiQuery((signal) => getAlerts(filter === 'all' ? undefined : filter, signal), filter);
  const [handling, setHandling] = useState<TSecurityAlert | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: 'acknowledge' | 'escalate' | 'dismiss') => {
    if (!handling) return;
    setBusy(true);
    try {
      await decideAlert(handling.id, decision, reason);
      setHandling(undefined);
      setReason('');
      setError(undefined);
      query.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sb-monitoring" data-testid="security-alerts-page">
      <Typography.Title level={1} className="sb-console-title">
        {t('monitoring.alertsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('monitoring.alertsIntro')}</Typography.Paragraph>
      <Segmented<Filter>
        className="sb-monitoring-filter"
        value={filter}
        onChange={setFilter}
        options={(['open', 'escalated', 'acknowledged', 'dismissed', 'all'] as const).map((s) => ({
          value: s,
          label: t(`monitoring.status.${s}`),
        }))}
      />
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      <ResponsiveTable<TSecurityAlert>
        data-testid="security-alerts"
        rowKey="id"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('monitoring.empty') }}
        columns={[
          { title: t('monitoring.col.severity'), dataIndex: 'severity', render: (_v, a) => <SeverityTag severity={a.severity} /> },
          { title: t('monitoring.col.rule'), dataIndex: 'rule', render: (_v, a) => ruleLabel(a.rule) },
          { title: t('monitoring.col.actor'), dataIndex: 'staffNo', render: (_v, a) => a.staffNo ?? a.actorAccountId?.slice(0, 8) ?? '—' },
          { title: t('monitoring.col.role'), dataIndex: 'actorRole', render: (_v, a) => a.actorRole ?? '—' },
          { title: t('monitoring.col.window'), dataIndex: 'lastAt', render: (_v, a) => formatDateTime(a.lastAt, locale) },
          { title: t('monitoring.col.hits'), dataIndex: 'hits' },
          {
            title: t('monitoring.col.evidence'),
            dataIndex: 'evidence',
            render: (_v, a) => (
              <span className="sb-monitoring-evidence">
                {a.evidence.slice(0, 6).join(', ')}
                {a.evidence.length > 6 ? ` … (${a.evidence.length})` : ''}
              </span>
            ),
          },
          { title: t('monitoring.col.status'), dataIndex: 'status', render: (_v, a) => t(`monitoring.status.${a.status}`) },
          {
            title: t('monitoring.col.actions'),
            dataIndex: 'id',
            render: (_v, a) =>
              a.status === 'dismissed' ? null : (
                <Button size="small" onClick={() => setHandling(a)}>
                  {t('monitoring.handle')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={Boolean(handling)} title={t('monitoring.decisionTitle')} onCancel={() => setHandling(undefined)} footer={null}>
        {error ? <ApiErrorAlert error={error} /> : null}
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('monitoring.reason')}
          aria-label={t('monitoring.reason')}
        />
        <Space wrap className="sb-monitoring-actions">
          <Button type="primary" disabled={!reason.trim() || busy} onClick={() => void decide('acknowledge')}>
            {t('monitoring.acknowledge')}
          </Button>
          <Button disabled={!reason.trim() || busy} onClick={() => void decide('escalate')}>
            {t('monitoring.escalate')}
          </Button>
          <Button danger disabled={!reason.trim() || busy} onClick={() => void decide('dismiss')}>
            {t('monitoring.dismiss')}
          </Button>
        </Space>
      </Modal>
    </div>
  );
}
