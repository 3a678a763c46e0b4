import '../advisers.css';
import { BellOutlined, CustomerServiceOutlined, MessageOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { advisersApi } from '../api/advisers-api.ts';

/** 我的顾问: the adviser's staff number and since when — reached through the platform, never by a personal number. */
export function MyAdviserCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useApiQuery((signal) => advisersApi.mine(signal), 'my-adviser');
  const a = query.data;
  return (
    <Card
      title={
        <>
          <CustomerServiceOutlined /> {t('advisers.mine.title')}
        </>
      }
      data-testid="my-adviser"
    >
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {!a && query.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {a && !a.assigned && <p data-testid="my-adviser-none">{t('advisers.mine.none')}</p>}
      {a?.assigned && (
        <div className="sb-stack sb-adviser">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('advisers.mine.staffNo')}>
              <strong data-testid="my-adviser-staff-no">{a.staffNo}</strong>
            </Descriptions.Item>
            {a.since && <Descriptions.Item label={t('advisers.mine.since')}>{formatDateTime(a.since, locale)}</Descriptions.Item>}
          </Descriptions>
          <Alert type="info" showIcon title={t('advisers.mine.contact')} />
          <div className="sb-adviser-links">
            <ButtonLink to="/account/messages" type="primary" icon={<MessageOutlined />} data-testid="my-adviser-messages">
              {t('advisers.mine.messages')}
            </ButtonLink>
            <ButtonLink to="/account/notifications" icon={<BellOutlined />}>
              {t('advisers.mine.notifications')}
            </ButtonLink>
          </div>
        </div>
      )}
    </Card>
  );
}
