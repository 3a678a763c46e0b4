import { AuditOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { MarketStats } from './market-stats.tsx';

/** The promise, two ways forward, and live market numbers. */
export function HomeHero() {
  const { t } = useTranslation();
  const badges = [
    { icon: <LockOutlined />, text: t('home.hero.badgeEncryption') },
    { icon: <SafetyCertificateOutlined />, text: t('home.hero.badgeLaw') },
    { icon: <AuditOutlined />, text: t('home.hero.badgeAudit') },
  ];
  return (
    <section className="sb-hero" data-testid="home-hero">
      <div className="sb-container sb-hero-inner">
        <div className="sb-hero-copy">
          <p className="sb-hero-eyebrow">{t('home.hero.eyebrow')}</p>
          <h1 className="sb-hero-title">
            {t('home.hero.title')}
            <br />
            <span className="sb-hero-title-emphasis">{t('home.hero.titleEmphasis')}</span>
          </h1>
          <p className="sb-hero-subtitle">{t('home.hero.subtitle')}</p>
          <div className="sb-hero-actions">
            <ButtonLink type="primary" size="large" to="/listings">
              {t('home.hero.ctaBrowse')}
            </ButtonLink>
            <ButtonLink size="large" ghost to="/privacy">
              {t('home.hero.ctaPrivacy')}
            </ButtonLink>
          </div>
          <ul className="sb-hero-badges">
            {badges.map((badge) => (
              <li key={badge.text}>
                {badge.icon}
                <span>{badge.text}</span>
              </li>
            ))}
          </ul>
        </div>
        <MarketStats />
      </div>
    </section>
  );
}
