import type { TListingOwnerView } from '@sealbridge/contracts';
import { Alert, Card, Descriptions, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { TeaserDetail } from './teaser-detail.tsx';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  changes_requested: 'warning',
  published: 'success',
  under_offer: 'orange',
  sold: 'purple',
  withdrawn: 'default',
};

/** What the seller and the reviewing broker see beside the form: status, warnings, history, masked identity, preview. */
export function OwnerPanel({ view }: { view: TListingOwnerView }) {
  const { t } = useTranslation();
  const masked = (f: { state: string; value?: string | undefined }) => (f.state === 'masked' ? f.value : '—');
  return (
    <div className="sb-owner-panel">
      <p>
        <Tag color={STATUS_COLORS[view.status]} data-testid="owner-status" data-status={view.status}>
          {t(`market.statuses.${view.status}`)}
        </Tag>
        <Tag>{t('listing.code', { code: view.code })}</Tag>
      </p>
      {view.reviewFlag === 'duplicate' && <Alert type="warning" showIcon title={t('market.seller.duplicate')} />}
      {view.reviewFlag === 'locked' && <Alert type="error" showIcon title={t('disclosure.review.locked')} data-testid="review-locked" />}
      {view.openDeal && <Alert type="info" showIcon title={t('market.seller.dealOpen')} />}
      <Alert
        type={view.reidentification.warn ? 'warning' : 'success'}
        showIcon
        data-testid="reid"
        title={t('market.seller.reid', { k: view.reidentification.k })}
        {...(view.reidentification.warn
          ? { description: t('market.seller.reidWarn', { threshold: view.reidentification.threshold }) }
          : {})}
      />
      <Card size="small" title={t('market.seller.history')} className="sb-owner-history">
        <Timeline
          items={view.events.map((e) => ({
            children: (
              <>
                <strong>{t(`market.statuses.${e.toStatus}`)}</strong> · {new Date(e.at).toLocaleString()}
                {e.comment && <div data-testid="event-comment">{e.comment}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('market.seller.company')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('market.seller.fields.companyName')}>{masked(view.company.name)}</Descriptions.Item>
          <Descriptions.Item label={t('market.seller.fields.creditCode')}>{masked(view.company.creditCode)}</Descriptions.Item>
          <Descriptions.Item label={t('market.seller.fields.legalRepresentative')}>
            {masked(view.company.legalRepresentative)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <h2>{t('market.seller.preview')}</h2>
      <TeaserDetail teaser={view.preview} />
    </div>
  );
}
