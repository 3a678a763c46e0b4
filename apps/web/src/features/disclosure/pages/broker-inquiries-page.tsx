import '../disclosure.css';
import { Card, Empty, Select, Skeleton } from 'antd';
import { INQUIRY_STATUSES } from '@sealbridge/contracts';
import type { GrantLevel, InquiryStatus, TSellSideInquiry } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { brokerDisclosureApi } from '../api/broker-disclosure-api.ts';
import { BrokerRequestCard } from '../components/broker-request-card.tsx';

type Queue = { items: TSellSideInquiry[]; grants: Map<string, Map<GrantLevel, string>> };

/** The queue, and each listing's control panel for the grant ids the decisions need (the queue view omits them). */
async function loadQueue(signal: AbortSignal): Promise<Queue> {
  const { items } = await brokerDisclosureApi.inquiries(signal);
  const listingIds = [...new Set(items.map((i) => i.listingId))];
  const panels = await Promise.all(listingIds.map((id) => brokerDisclosureApi.panel(id, signal)));
  const grants = new Map<string, Map<GrantLevel, string>>();
  for (const panel of panels) {
    for (const buyer of panel.buyers) {
      grants.set(buyer.inquiryId, new Map(buyer.levels.flatMap((l) => (l.grantId ? [[l.level, l.grantId] as const] : []))));
    }
  }
  return { items, grants };
}

/** `/console/inquiries` — 意向审核: buyer requests on the listings the broker advises, filterable by listing and status. */
export function BrokerInquiriesPage() {
  const { t } = useTranslation();
  useDocumentTitle('brokerInquiries');
  const [round, setRound] = useState(0);
  const query = useApiQuery((signal) => loadQueue(signal), `broker-inquiries-${round}`);
  const [listing, setListing] = useState('');
  const [status, setStatus] = useState<InquiryStatus | ''>('');
  const items = (query.data?.items ?? []).filter((i) => (!listing || i.listingId === listing) && (!status || i.status === status));
  const listings = [...new Map((query.data?.items ?? []).map((i) => [i.listingId, `${i.listingCode} · ${i.listingTitle}`])).entries()];
  const reload = () => setRound((n) => n + 1);
  return (
    <div data-testid="broker-inquiries-page">
      <header className="sb-console-page-header is-spaced">
        <h1>{t('disclosure.broker.title')}</h1>
        <p>{t('disclosure.broker.intro')}</p>
      </header>
      <div className="sb-filter-bar">
        <Select
          value={listing}
          onChange={setListing}
          aria-label={t('disclosure.broker.listingFilter')}
          options={[{ value: '', label: t('disclosure.broker.allListings') }, ...listings.map(([value, label]) => ({ value, label }))]}
          data-testid="broker-listing-filter"
        />
        <Select<InquiryStatus | ''>
          value={status}
          onChange={setStatus}
          aria-label={t('disclosure.broker.statusFilter')}
          options={[
            { value: '', label: t('disclosure.broker.allStatuses') },
            ...INQUIRY_STATUSES.map((s) => ({ value: s, label: t(`disclosure.inquiryStatuses.${s}`) })),
          ]}
          data-testid="broker-status-filter"
        />
      </div>
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={reload} />}
      {!query.data && query.loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {query.data &&
        (items.length === 0 ? (
          <Card>
            <Empty description={t('disclosure.broker.empty')} data-testid="broker-inquiries-empty" />
          </Card>
        ) : (
          <div className="sb-inquiry-list">
            {items.map((inquiry) => (
              <BrokerRequestCard
                key={inquiry.id}
                inquiry={inquiry}
                grantIds={query.data?.grants.get(inquiry.id) ?? new Map()}
                onChanged={reload}
              />
            ))}
          </div>
        ))}
    </div>
  );
}
