import { Button, Card, Empty, InputNumber, Space, Tag } from 'antd';
import type { TReviewCampaign } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { decideReview, listReviews, startReview } from '../api/staff-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

type Item = TReviewCampaign['items'][number];
const COLORS: Record<Item['decision'], string> = { pending: 'orange', recertified: 'green', revoked: 'red', expired: 'default' };

/** `/console/staff/reviews` — start an access review and recertify or revoke each staff member's roles. */
export function AccessReviewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('accessReviews');
  const reviews = useApiQuery((signal) => listReviews(signal), 'reviews');
  const [days, setDays] = useState(14);
  const [error, setError] = useState<unknown>(undefined);

  async function run(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      reviews.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <div className="sb-staff-page">
      <header className="sb-console-page-header">
        <h1>{t('staff.reviews.title')}</h1>
        <p>{t('staff.reviews.intro')}</p>
      </header>
      <Card>
        <Space>
          <span>{t('staff.reviews.dueInDays')}</span>
          <InputNumber min={1} max={60} value={days} onChange={(value) => setDays(value ?? 14)} aria-label={t('staff.reviews.dueInDays')} />
          <Button type="primary" onClick={() => void run(() => startReview(days))} data-testid="start-review">
            {t('staff.reviews.start')}
          </Button>
        </Space>
      </Card>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {reviews.error !== undefined && <ApiErrorAlert error={reviews.error} onRetry={reviews.reload} />}
      {reviews.data?.items.length === 0 && <Empty description={t('staff.reviews.empty')} />}
      {reviews.data?.items.map((campaign) => (
        <Card
          key={campaign.id}
          title={t('staff.reviews.campaign', { date: formatDateTime(campaign.startedAt, locale) })}
          extra={
            <Space>
              <span>{t('staff.reviews.dueAt', { date: formatDateTime(campaign.dueAt, locale) })}</span>
              <Tag color={campaign.closedAt ? 'default' : 'blue'}>
                {campaign.closedAt ? t('staff.reviews.closed') : t('staff.reviews.open')}
              </Tag>
            </Space>
          }
        >
          <ResponsiveTable<Item>
            rowKey="id"
            dataSource={campaign.items}
            pagination={false}
            size="small"
            columns={[
              { title: t('staff.reviews.staffNo'), dataIndex: 'staffNo', key: 'staffNo' },
              {
                title: t('staff.reviews.roles'),
                key: 'roles',
                render: (_: unknown, item) =>
                  item.roles.length ? item.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>) : t('staff.reviews.noRoles'),
              },
              {
                title: t('staff.reviews.decision'),
                key: 'decision',
                render: (_: unknown, item) => <Tag color={COLORS[item.decision]}>{t(`staff.reviews.decisions.${item.decision}`)}</Tag>,
              },
              { title: t('staff.reviews.decidedBy'), key: 'by', render: (_: unknown, item) => item.decidedByStaffNo ?? '' },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, item) =>
                  item.decision === 'pending' && (
                    <Space>
                      <Button size="small" type="primary" onClick={() => void run(() => decideReview(item.id, 'recertify'))}>
                        {t('staff.reviews.recertify')}
                      </Button>
                      <Button size="small" danger onClick={() => void run(() => decideReview(item.id, 'revoke'))}>
                        {t('staff.reviews.revoke')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
