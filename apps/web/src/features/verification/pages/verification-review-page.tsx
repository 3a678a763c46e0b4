import '../verification.css';
import { Card, Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getReviewQueue } from '../api/verification-api.ts';
import { ReviewCard } from '../components/review-card.tsx';
import { VerificationRevealModal } from '../components/verification-reveal-modal.tsx';

type Status = 'pending' | 'verified' | 'rejected';
const STATUSES: readonly Status[] = ['pending', 'verified', 'rejected'];

/** `/console/verifications` — 实名审核: the broker's queue of assigned customers' submissions. */
export function VerificationReviewPage() {
  const { t } = useTranslation();
  useDocumentTitle('verificationReview');
  const [status, setStatus] = useState<Status>('pending');
  const query = useApiQuery((signal) => getReviewQueue(status, signal), `verification-queue:${status}`);
  const [revealing, setRevealing] = useState<string | undefined>(undefined);

  return (
    <div data-testid="review-page">
      <header className="sb-console-page-header">
        <h1>{t('verification.review.title')}</h1>
        <p>{t('verification.review.intro')}</p>
      </header>
      <Segmented<Status>
        value={status}
        onChange={setStatus}
        options={STATUSES.map((s) => ({ value: s, label: t(`verification.statuses.${s}`) }))}
        aria-label={t('verification.review.statusFilter')}
        data-testid="review-status-filter"
      />
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} testId="review-load-error" />}
      {!query.data && query.loading && <Skeleton active />}
      {query.data && (
        <div className="sb-review-list">
          {query.data.items.length === 0 ? (
            <Card>
              <Empty description={t('verification.review.empty')} data-testid="review-empty" />
            </Card>
          ) : (
            query.data.items.map((item) => (
              <ReviewCard key={item.id} item={item} onReveal={() => setRevealing(item.id)} onDecided={() => query.reload()} />
            ))
          )}
        </div>
      )}
      {revealing && <VerificationRevealModal key={revealing} id={revealing} onClose={() => setRevealing(undefined)} />}
    </div>
  );
}
