import type { TListingTeaserDetail } from '@sealbridge/contracts';
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListingPrice } from './listing-price.tsx';

type Teaser = Omit<TListingTeaserDetail, 'status'> & { status: string };

/** The public teaser in full — used by the listing page and, unchanged, by the seller's preview. */
export function TeaserDetail({ teaser }: { teaser: Teaser }) {
  const { t } = useTranslation();
  const unknown = t('market.detail.unknown');
  const ip = (Object.keys(teaser.ip) as (keyof Teaser['ip'])[]).filter((k) => teaser.ip[k]);
  return (
    <Card className="sb-teaser-detail" data-testid="teaser-detail">
      <h1 className="sb-listing-title" data-testid="teaser-title">
        {teaser.title}
      </h1>
      <p>
        {teaser.status === 'under_offer' && <Tag color="orange">{t('market.detail.underOffer')}</Tag>}
        <Tag>{t('listing.code', { code: teaser.code })}</Tag>
      </p>
      <p className="sb-teaser-price">
        {t('listing.price')} <ListingPrice price={teaser.price} />
      </p>
      <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" title={t('market.detail.facts')}>
        <Descriptions.Item label={t('market.detail.region')}>
          {teaser.city === teaser.province ? teaser.city : t('listing.region', { province: teaser.province, city: teaser.city })}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.detail.industry')}>{teaser.industry}</Descriptions.Item>
        <Descriptions.Item label={t('listing.companyType')}>{t(`listing.companyTypes.${teaser.companyType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('listing.age')}>{t(`listing.ageBand.${teaser.ageBand}`)}</Descriptions.Item>
        <Descriptions.Item label={t('listing.capital')}>{t(`listing.capitalBand.${teaser.capitalBand}`)}</Descriptions.Item>
        <Descriptions.Item label={t('market.detail.paidIn')}>
          {teaser.paidInFull === null ? unknown : teaser.paidInFull ? t('market.detail.paidInFull') : t('market.detail.paidInPartial')}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.filters.taxpayer')}>{t(`listing.taxpayerType.${teaser.taxpayerType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('market.detail.creditGrade')}>
          {teaser.taxCreditGrade ? t(`market.creditGrades.${teaser.taxCreditGrade}`) : unknown}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.detail.filing')}>
          {teaser.filingKind ? t(`market.detail.filingKinds.${teaser.filingKind}`) : unknown}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.detail.bank')}>
          {teaser.hasBankAccount ? t('market.detail.bankYes') : t('market.detail.bankNo')}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.detail.headcount')}>
          {teaser.headcountBand ? t(`market.headcountBand.${teaser.headcountBand}`) : unknown}
        </Descriptions.Item>
        <Descriptions.Item label={t('market.detail.ip')}>
          {ip.length ? ip.map((k) => t(`market.detail.ipKinds.${k}`)).join('、') : unknown}
        </Descriptions.Item>
      </Descriptions>
      <h2 className="sb-teaser-subhead">{t('market.detail.licences')}</h2>
      <p>
        {teaser.licences.length
          ? teaser.licences.map((l) => (
              <Tag key={l} color="blue">
                {t(`market.licences.${l}`)}
              </Tag>
            ))
          : unknown}
      </p>
      <h2 className="sb-teaser-subhead">{t('market.detail.redFlags')}</h2>
      <p>
        {teaser.redFlags.length ? (
          teaser.redFlags.map((f) => (
            <Tag key={f} color="red">
              {t(`market.redFlags.${f}`)}
            </Tag>
          ))
        ) : (
          <Tag color="green">{t('market.detail.noRedFlags')}</Tag>
        )}
      </p>
      <h2 className="sb-teaser-subhead">{t('market.detail.handover')}</h2>
      <p>{teaser.handover.length ? teaser.handover.map((h) => <Tag key={h}>{t(`market.handover.${h}`)}</Tag>) : unknown}</p>
      {teaser.highlights.length > 0 && (
        <p>
          {teaser.highlights.map((h) => (
            <Tag key={h} color="gold">
              {h}
            </Tag>
          ))}
        </p>
      )}
      <h2 className="sb-teaser-subhead">{t('market.detail.description')}</h2>
      <p className="sb-teaser-description">{teaser.description || unknown}</p>
    </Card>
  );
}
