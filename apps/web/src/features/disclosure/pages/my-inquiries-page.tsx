import '../disclosure.css';
import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Skeleton, Space, Tag } from 'antd';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { useSession } from '../../auth/session/session-context.ts';
import { buyerApi } from '../api/disclosure-api.ts';
import { nextStep } from '../api/inquiry-steps.ts';
import { LevelStateTag } from '../components/level-state-tag.tsx';

export const INQUIRY_STATUS_COLORS: Record<TBuyerInquiry['status'], string> = {
  open: 'processing',
  accepted: 'blue',
  declined: 'error',
  withdrawn: 'default',
};

function InquiryCard({ inquiry }: { inquiry: TBuyerInquiry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = nextStep(inquiry);
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';
  return (
    <Card className="sb-inquiry-card" data-testid="my-inquiry" data-listing-code={inquiry.listingCode}>
      <div className="sb-inquiry-card-head">
        <h2>
          <Link to={`/account/inquiries/${inquiry.id}`}>{inquiry.listingTitle}</Link>
        </h2>
        <Tag color={INQUIRY_STATUS_COLORS[inquiry.status]} data-testid="my-inquiry-status">
          {t(`disclosure.inquiryStatuses.${inquiry.status}`)}
        </Tag>
      </div>
      <p className="sb-muted">
        {t('listing.code', { code: inquiry.listingCode })} ·{' '}
        {t('disclosure.mine.appliedAt', { time: formatDateTime(inquiry.createdAt, locale) })}
      </p>
      <Space wrap size={[4, 8]} className="sb-inquiry-levels">
        {inquiry.levels.map((l) => (
          <span key={l.level} className="sb-level-chip">
            <strong>{l.level}</strong> <LevelStateTag level={l} />
          </span>
        ))}
      </Space>
      <div className="sb-inquiry-card-foot">
        <span data-testid="my-inquiry-next">
          {closed
            ? t(`disclosure.inquiryStatuses.${inquiry.status}`)
            : next
              ? t('disclosure.mine.next', { step: t(`disclosure.mine.steps.${next.key}`) })
              : t('disclosure.mine.allDone')}
        </span>
        <ButtonLink
          to={`/account/inquiries/${inquiry.id}`}
          type="primary"
          ghost
          icon={<RightOutlined />}
          iconPlacement="end"
          data-testid="my-inquiry-open"
        >
          {t('disclosure.mine.open')}
        </ButtonLink>
      </div>
    </Card>
  );
}

function MyInquiries() {
  const roles = useSession().account?.roles ?? [];
  // Notices for sellers also point here: a seller who is not a buyer belongs on 意向买家.
  if (!roles.includes('buyer') && roles.includes('seller')) return <Navigate to="/account/buyer-requests" replace />;
  return <MyInquiryList alsoSeller={roles.includes('seller')} />;
}

function MyInquiryList({ alsoSeller }: { alsoSeller: boolean }) {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => buyerApi.mine(signal), 'my-inquiries');
  if (query.error !== undefined && !query.data) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      {alsoSeller && (
        <p>
          <Link to="/account/buyer-requests">{t('disclosure.mine.sellerHint')}</Link>
        </p>
      )}
      {query.data.items.length === 0 ? (
        <Card>
          <Empty description={t('disclosure.mine.empty')} data-testid="my-inquiries-empty">
            <ButtonLink to="/listings" type="primary">
              {t('disclosure.mine.browse')}
            </ButtonLink>
          </Empty>
        </Card>
      ) : (
        <div className="sb-inquiry-list" data-testid="my-inquiries">
          {query.data.items.map((inquiry) => (
            <InquiryCard key={inquiry.id} inquiry={inquiry} />
          ))}
        </div>
      )}
    </>
  );
}

/** `/account/inquiries` — 我的意向: the buyer's requests, each with its levels and the next step. */
export function MyInquiriesPage() {
  const { t } = useTranslation();
  useDocumentTitle('myInquiries');
  return (
    <div className="sb-container sb-page" data-testid="my-inquiries-page">
      <header className="sb-page-header">
        <h1>{t('disclosure.mine.title')}</h1>
        <p>{t('disclosure.mine.intro')}</p>
      </header>
      <CustomerGate path="/account/inquiries" errorTestId="my-inquiries-error">
        <MyInquiries />
      </CustomerGate>
    </div>
  );
}
