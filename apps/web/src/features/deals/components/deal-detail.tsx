import type { TDealView } from '@sealbridge/contracts';
import { App, Card, Descriptions, Result, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorCodeOf, errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { PageSpinner } from '../../../shared/ui/page-spinner.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { dealsApi } from '../api/deals-api.ts';
import { EducationTip } from '../../education/components/education-tip.tsx';
import { AdvancePanel } from './advance-panel.tsx';
import { CustodyLedger } from './custody-ledger.tsx';
import { useDealLabels } from './deal-labels.ts';
import { DealProgress } from './deal-progress.tsx';
import { DealHistory, DealTasks } from './deal-tasks.tsx';
import { MoneyPanel } from './money-panel.tsx';
import '../deals.css';

export const STATUS_COLORS = { open: 'processing', closed: 'success', cancelled: 'default' } as const;

/**
 * Whether a deposit is still to be paid (issue 19 item 6): the deal has not passed the letter-of-intent / deposit
 * stage, or a deposit milestone is recorded and not yet paid. The tip shows then, and only then.
 */
function depositAhead(deal: TDealView): boolean {
  if (deal.status !== 'open') return false;
  if (deal.money.some((m) => m.kind === 'deposit' && !m.paidOn)) return true;
  return (deal.stage === 'inquiry' || deal.stage === 'intent') && !deal.money.some((m) => m.kind === 'deposit' && m.paidOn);
}

/** One deal as the caller's side sees it: header, the broker's controls, and tabs for progress, custody, money, tasks. */
export function DealDetail({ id, backPath }: { id: string; backPath: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useDealLabels();
  useDocumentTitle('dealDetail');
  const query = useApiQuery((signal) => dealsApi.get(id, signal), id);
  const [deal, setDeal] = useState<TDealView | undefined>(undefined);
  useEffect(() => setDeal(query.data), [query.data]);

  /** Runs one change; the answer is the deal as it is now. */
  const run = async (work: () => Promise<TDealView>) => {
    try {
      setDeal(await work());
      void message.success(t('deals.advance.done'));
      return true;
    } catch (error) {
      void message.error(errorText(error, labels.locale));
      return false;
    }
  };

  if (query.loading && !deal) return <PageSpinner />;
  if (query.error && !deal) {
    return errorCodeOf(query.error) === 'NOT_FOUND' ? (
      <Result status="404" title={t('deals.detail.notFound')} extra={<Link to={backPath}>{t('deals.detail.back')}</Link>} />
    ) : (
      <ApiErrorAlert error={query.error} onRetry={query.reload} />
    );
  }
  if (!deal) return null;
  return (
    <div className="sb-deal-page" data-testid="deal-detail">
      <Link to={backPath}>← {t('deals.detail.back')}</Link>
      <div className="sb-deal-header">
        <h1 data-testid="deal-code">{deal.code}</h1>
        <Tag color={STATUS_COLORS[deal.status]} data-testid="deal-status">
          {t(`deals.statuses.${deal.status}`)}
        </Tag>
        <Tag color="blue" data-testid="deal-stage">
          {labels.stage(deal.stage)}
        </Tag>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('deals.detail.listing')}>{deal.listingCode}</Descriptions.Item>
        <Descriptions.Item label={t('deals.detail.buyer')}>{deal.buyerAlias}</Descriptions.Item>
        <Descriptions.Item label={t('deals.detail.yourSide')}>{t(`deals.sides.${deal.side}`)}</Descriptions.Item>
        <Descriptions.Item label={t('deals.detail.started')}>{new Date(deal.startedAt).toLocaleString(labels.locale)}</Descriptions.Item>
        <Descriptions.Item label={t('deals.detail.stageSince')}>
          {new Date(deal.stageEnteredAt).toLocaleString(labels.locale)}
        </Descriptions.Item>
        {deal.intent && (
          <Descriptions.Item label={t('deals.detail.exclusiveUntil')}>{labels.day(deal.intent.exclusiveUntil)}</Descriptions.Item>
        )}
        {deal.closedAt && (
          <Descriptions.Item label={t('deals.detail.closedAt')}>{new Date(deal.closedAt).toLocaleString(labels.locale)}</Descriptions.Item>
        )}
        {deal.cancelledAt && (
          <Descriptions.Item label={t('deals.detail.cancelReason')}>
            {deal.cancelReason ? t(`deals.cancelReasons.${deal.cancelReason}`) : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {deal.tax && (
        <Card size="small" title={t('deals.tax.title')} data-testid="tax-estimate">
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('deals.tax.iit')}>
              {deal.agreement?.sellerKind === 'company'
                ? t('deals.tax.iitNotApplicable')
                : deal.tax.iitWan === null
                  ? t('deals.tax.iitUnknown')
                  : t('deals.tax.wan', { amount: labels.wan(deal.tax.iitWan) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('deals.tax.stampDuty')}>
              {t('deals.tax.wan', { amount: labels.wan(deal.tax.stampDutyEachWan) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('deals.tax.reportDue')}>
              {labels.day(deal.tax.reportDueOn)}
              {deal.tax.provisional ? ' *' : ''}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {depositAhead(deal) && <EducationTip code="tip.deposit" />}
      {deal.side === 'broker' && <AdvancePanel deal={deal} run={run} />}
      <Tabs
        items={[
          { key: 'progress', label: t('deals.detail.tabs.progress'), children: <DealProgress deal={deal} run={run} /> },
          { key: 'custody', label: t('deals.detail.tabs.custody'), children: <CustodyLedger deal={deal} run={run} /> },
          { key: 'money', label: t('deals.detail.tabs.money'), children: <MoneyPanel deal={deal} run={run} /> },
          { key: 'tasks', label: t('deals.detail.tabs.tasks'), children: <DealTasks deal={deal} run={run} /> },
          { key: 'history', label: t('deals.detail.tabs.history'), children: <DealHistory deal={deal} /> },
        ]}
        data-testid="deal-tabs"
      />
    </div>
  );
}
