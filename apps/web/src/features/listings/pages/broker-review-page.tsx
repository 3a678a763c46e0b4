import { REVIEW_CHECKLIST } from '@sealbridge/contracts';
import type { TListingOwnerView, TListingSummary } from '@sealbridge/contracts';
import { App, Button, Checkbox, Drawer, Empty, Input, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { brokerApi } from '../api/listings-api.ts';
import { CompanyRevealCard, type TCompanyReveal } from '../components/company-reveal-card.tsx';
import { OwnerPanel } from '../components/owner-panel.tsx';
import { STATUS_COLORS } from './seller-listings-page.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

type Checklist = Record<(typeof REVIEW_CHECKLIST)[number], boolean>;
const EMPTY = Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, false])) as Checklist;

/** Console: the review queue of the broker's assigned sellers — checklist, approve or send back, deal progress. */
export function BrokerReviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle('listingReview');
  const queue = useApiQuery((signal) => brokerApi.queue(signal), 'queue');
  const [open, setOpen] = useState<TListingOwnerView | undefined>(undefined);
  const [checklist, setChecklist] = useState<Checklist>(EMPTY);
  const [comment, setComment] = useState('');
  // The company opened in this drawer for the registry check: shown while the drawer is open, never kept.
  const [company, setCompany] = useState<TCompanyReveal | undefined>(undefined);

  const show = async (id: string) => {
    try {
      setOpen(await brokerApi.get(id));
      setChecklist(EMPTY);
      setComment('');
      setCompany(undefined);
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  const run = async (work: () => Promise<TListingOwnerView>) => {
    try {
      setOpen(await work());
      void message.success(t('market.review.done'));
      queue.reload();
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  const id = open?.id ?? '';
  return (
    <div>
      <h1>{t('market.review.title')}</h1>
      <p>{t('market.review.intro')}</p>
      {queue.error ? (
        <ApiErrorAlert error={queue.error} onRetry={queue.reload} />
      ) : (
        <ResponsiveTable<TListingSummary>
          actionsColumn="open"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={queue.loading}
          dataSource={queue.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('market.review.empty')} /> }}
          pagination={false}
          data-testid="review-queue"
          columns={[
            { title: t('market.review.code'), dataIndex: 'code' },
            { title: t('market.review.listingTitle'), dataIndex: 'title' },
            {
              title: t('market.review.status'),
              dataIndex: 'status',
              render: (s: TListingSummary['status'], row) => (
                <>
                  <Tag color={STATUS_COLORS[s]}>{t(`market.statuses.${s}`)}</Tag>
                  {row.reviewFlag === 'duplicate' && <Tag color="red">{t('market.seller.duplicate')}</Tag>}
                  {row.reviewFlag === 'locked' && (
                    <Tag color="volcano" data-testid="flag-locked">
                      {t('disclosure.review.locked')}
                    </Tag>
                  )}
                </>
              ),
            },
            { title: t('market.review.updated'), dataIndex: 'updatedAt', render: (v: string) => new Date(v).toLocaleString() },
            {
              title: t('common.actions'),
              key: 'open',
              render: (_: unknown, row) => (
                <Button size="small" onClick={() => void show(row.id)} data-testid={`review-${row.code}`}>
                  {t('market.review.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={Boolean(open)}
        onClose={() => {
          setOpen(undefined);
          setCompany(undefined);
        }}
        size="large"
        title={open?.input.title}
      >
        {open && (
          <>
            <CompanyRevealCard listingId={open.id} revealed={company} onRevealed={setCompany} />
            {open.status === 'submitted' && (
              <section className="sb-review-actions" data-testid="review-form">
                <h3>{t('market.review.checklistTitle')}</h3>
                {REVIEW_CHECKLIST.map((k) => {
                  // The registry item can be ticked only after the company was opened for the check (the server insists too).
                  const locked = k === 'registry_checked' && !open.companyRevealed && !company;
                  const box = (
                    <Checkbox
                      checked={checklist[k]}
                      disabled={locked}
                      onChange={(e) => setChecklist({ ...checklist, [k]: e.target.checked })}
                      data-testid={`check-${k}`}
                    >
                      {t(`market.review.checklist.${k}`)}
                    </Checkbox>
                  );
                  return <div key={k}>{locked ? <Tooltip title={t('disclosure.review.registryLocked')}>{box}</Tooltip> : box}</div>;
                })}
                <Input.TextArea
                  rows={3}
                  placeholder={t('market.review.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
                <Space>
                  <Button
                    type="primary"
                    disabled={!Object.values(checklist).every(Boolean)}
                    onClick={() => void run(() => brokerApi.review(id, { decision: 'approve', comment, checklist }))}
                    data-testid="approve"
                  >
                    {t('market.review.approve')}
                  </Button>
                  <Button
                    disabled={!comment.trim()}
                    onClick={() => void run(() => brokerApi.review(id, { decision: 'request_changes', comment, checklist }))}
                  >
                    {t('market.review.requestChanges')}
                  </Button>
                </Space>
              </section>
            )}
            {['published', 'under_offer'].includes(open.status) && (
              <section>
                <h3>{t('market.review.deals')}</h3>
                {/* Letters of intent, deposits, the closing and the sale run through the deal pipeline. */}
                <Link to="/console/deals" data-testid="review-deals-link">
                  {t('deals.menu')}
                </Link>
              </section>
            )}
            <OwnerPanel view={open} />
          </>
        )}
      </Drawer>
    </div>
  );
}
