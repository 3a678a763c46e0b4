import { EnvironmentOutlined } from '@ant-design/icons';
import type { TListingTeaser } from '@sealbridge/contracts';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListingPrice } from './listing-price.tsx';

/** One anonymized teaser: bands and codes are translated; free text (title, industry, highlights) is shown as sent. */
export function ListingCard({ teaser }: { teaser: TListingTeaser }) {
  const { t } = useTranslation();
  const facts = [
    { label: t('listing.age'), value: t(`listing.ageBand.${teaser.ageBand}`) },
    { label: t('listing.capital'), value: t(`listing.capitalBand.${teaser.capitalBand}`) },
    { label: t('listing.companyType'), value: t(`listing.companyTypes.${teaser.companyType}`) },
  ];
  return (
    <Card className="sb-listing-card" data-testid="listing-card" data-listing-code={teaser.code}>
      <div className="sb-listing-top">
        <span className="sb-listing-region">
          <EnvironmentOutlined /> {/* Municipalities (北京市·北京市) name the city once. */}
          {teaser.city === teaser.province ? teaser.city : t('listing.region', { province: teaser.province, city: teaser.city })}
          <span className="sb-listing-dot">·</span>
          {teaser.industry}
        </span>
        <Tag color={teaser.taxpayerType === 'general' ? 'blue' : 'default'} variant="outlined">
          {t(`listing.taxpayerType.${teaser.taxpayerType}`)}
        </Tag>
      </div>
      <h3 className="sb-listing-title">
        <Link className="sb-listing-link" to={`/listings/${teaser.code}`}>
          {teaser.title}
        </Link>
      </h3>
      <dl className="sb-listing-facts">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {teaser.highlights.length > 0 && (
        <div className="sb-listing-highlights">
          {teaser.highlights.map((highlight) => (
            <Tag key={highlight} variant="filled" color="gold">
              {highlight}
            </Tag>
          ))}
        </div>
      )}
      <div className="sb-listing-bottom">
        <span className="sb-listing-price-label">{t('listing.price')}</span>
        <ListingPrice price={teaser.price} />
        <span className="sb-listing-code">{t('listing.code', { code: teaser.code })}</span>
      </div>
    </Card>
  );
}
