import { Button, Card, Tag } from 'antd';
import type { TBreakGlassGrant } from '@sealbridge/contracts';
import { useState } from 'react';
import type React from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { useGrantColumns } from '../components/grant-columns.tsx';
import { acknowledgeAlert, breakGlassAlerts } from '../api/staff-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

/** `/console/break-glass/alerts` — the privacy officer reads every break-glass justification and acknowledges it. */
export function BreakGlassAlertsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const grantColumns = useGrantColumns();
  useDocumentTitle('breakGlassAlerts');
  const alerts = useApiQuery((signal) => breakGlassAlerts(signal), 'break-glass-alerts');
  const [error, setError] = useState<unknown>(undefined);

  return (
    <div className="sb-staff-page">
      <header className="sb-console-page-header">
        <h1>{t('staff.alerts.title')}</h1>
        <p>{t('staff.alerts.intro')}</p>
      </header>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {alerts.error !== undefined && <ApiErrorAlert error={alerts.error} onRetry={alerts.reload} />}
      <Card>
        <ResponsiveTable<TBreakGlassGrant>
          actionsColumn="ack"
          rowKey="id"
          loading={alerts.loading}
          dataSource={alerts.data?.items ?? []}
          onRow={() => ({ 'data-testid': 'alert-row' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('staff.breakGlass.empty') }}
          pagination={false}
          size="small"
          columns={[
            { title: t('staff.alerts.createdAt'), key: 'at', render: (_: unknown, g) => formatDateTime(g.createdAt, locale) },
            { title: t('staff.alerts.requester'), dataIndex: 'requesterStaffNo', key: 'requester' },
            { title: t('staff.breakGlass.customer'), dataIndex: 'customerAccountNo', key: 'customer' },
            { title: t('staff.alerts.justification'), dataIndex: 'justification', key: 'why' },
            ...grantColumns,
            {
              title: t('common.actions'),
              key: 'ack',
              render: (_: unknown, g) =>
                g.acknowledgedAt ? (
                  <Tag color="green" data-testid="alert-acknowledged">
                    {t('staff.alerts.acknowledged')}
                  </Tag>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="alert-acknowledge"
                    onClick={() =>
                      void acknowledgeAlert(g.id).then(
                        () => alerts.reload(),
                        (failure: unknown) => setError(failure),
                      )
                    }
                  >
                    {t('staff.alerts.acknowledge')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
