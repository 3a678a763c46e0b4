import '../disclosure.css';
import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Tag } from 'antd';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { buyerApi } from '../api/disclosure-api.ts';
import { InquiryStepsCard } from '../components/inquiry-steps-card.tsx';
import { MoreLevelsCard } from '../components/more-levels-card.tsx';
import { INQUIRY_STATUS_COLORS } from './my-inquiries-page.tsx';

/** What the buyer sent, and the way out (withdrawal closes every level; it cannot be undone). */
function MyRequestCard({ inquiry, onChanged }: { inquiry: TBuyerInquiry; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';
  const withdraw = () =>
    modal.confirm({
      title: t('disclosure.mine.withdrawTitle', { code: inquiry.listingCode }),
      content: t('disclosure.mine.withdrawBody'),
      okText: t('disclosure.mine.withdrawOk'),
      okButtonProps: { danger: true, 'data-testid': 'withdraw-confirm' },
      cancelText: t('disclosure.cancel'),
      onOk: async () => {
        try {
          await buyerApi.withdraw(inquiry.id);
          void message.success(t('disclosure.mine.withdrawn'));
          onChanged();
        } catch (error) {
          void message.error(errorText(error, locale));
        }
      },
    });
  return (
    <Card title={t('disclosure.inquire.formTitle')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('disclosure.inquire.buyerType')}>{t(`disclosure.buyerTypes.${inquiry.buyerType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('disclosure.inquire.budgetBand')}>
          {t(`disclosure.budgetBands.${inquiry.budgetBand}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('disclosure.inquire.timeline')}>{t(`disclosure.timelines.${inquiry.timeline}`)}</Descriptions.Item>
        <Descriptions.Item label={t('disclosure.seller.note')}>{inquiry.note || t('disclosure.seller.noNote')}</Descriptions.Item>
        <Descriptions.Item label={t('disclosure.seller.appliedAt')}>{formatDateTime(inquiry.createdAt, locale)}</Descriptions.Item>
      </Descriptions>
      {!closed && (
        <Button danger icon={<StopOutlined />} onClick={withdraw} className="sb-withdraw" data-testid="withdraw-inquiry">
          {t('disclosure.mine.withdraw')}
        </Button>
      )}
    </Card>
  );
}

function InquiryDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => buyerApi.mine(signal), `my-inquiries-${id}`);
  if (query.error !== undefined && !query.data) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const inquiry = query.data.items.find((i) => i.id === id);
  if (!inquiry)
    return (
      <Result
        status="404"
        title={t('disclosure.mine.notFound')}
        extra={<ButtonLink to="/account/inquiries">{t('disclosure.mine.back')}</ButtonLink>}
      />
    );
  return (
    <div data-testid="inquiry-detail" data-status={inquiry.status}>
      <header className="sb-page-header">
        <h1>{inquiry.listingTitle}</h1>
        <p>
          <Link to={`/listings/${inquiry.listingCode}`}>
            <Tag>{t('listing.code', { code: inquiry.listingCode })}</Tag>
          </Link>
          <Tag color={INQUIRY_STATUS_COLORS[inquiry.status]} data-testid="inquiry-status">
            {t(`disclosure.inquiryStatuses.${inquiry.status}`)}
          </Tag>
        </p>
      </header>
      {inquiry.status === 'declined' && (
        <Alert
          type="error"
          showIcon
          className="sb-inquiry-alert"
          title={t('disclosure.mine.declinedTitle')}
          description={inquiry.decisionReason ? t('disclosure.mine.reason', { reason: inquiry.decisionReason }) : undefined}
          data-testid="inquiry-declined"
        />
      )}
      {inquiry.status === 'withdrawn' && (
        <Alert type="info" showIcon className="sb-inquiry-alert" title={t('disclosure.mine.withdrawnTitle')} />
      )}
      <div className="sb-inquiry-layout">
        <InquiryStepsCard inquiry={inquiry} onChanged={query.reload} />
        <div className="sb-inquiry-side">
          <MoreLevelsCard inquiry={inquiry} onChanged={query.reload} />
          <MyRequestCard inquiry={inquiry} onChanged={query.reload} />
        </div>
      </div>
    </div>
  );
}

/** `/account/inquiries/:id` — one request: the steps to L1 with their actions, L2/L3, the NDA certificate, withdrawal. */
export function InquiryDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle('myInquiries');
  return (
    <div className="sb-container sb-page">
      <ButtonLink type="link" to="/account/inquiries" icon={<ArrowLeftOutlined />} className="sb-back-link">
        {t('disclosure.mine.back')}
      </ButtonLink>
      <CustomerGate path={`/account/inquiries/${id}`} errorTestId="inquiry-error">
        <InquiryDetail id={id} />
      </CustomerGate>
    </div>
  );
}
