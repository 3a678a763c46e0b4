import { MailOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../features/auth/session/session-context.ts';
import { BrandLink } from './brand-link.tsx';

/** Brand, quick links, the privacy officer's contact (→ privacy center) and the 备案-style filing line. */
export function SiteFooter() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  // Signed in, the header's menu signs out; a 登录 link here would only confuse.
  const signedIn = useSession().status === 'authenticated';
  return (
    <Layout.Footer className="sb-footer">
      <div className="sb-container sb-footer-grid">
        <div className="sb-footer-about">
          <BrandLink inverted />
          <p>{t('footer.about')}</p>
        </div>
        <nav className="sb-footer-links" aria-label={t('footer.links')}>
          <h2>{t('footer.links')}</h2>
          <Link to="/listings">{t('nav.listings')}</Link>
          <Link to="/privacy">{t('nav.privacy')}</Link>
          <Link to="/privacy#rights">{t('privacy.rights.title')}</Link>
          {!signedIn && <Link to="/login">{t('nav.login')}</Link>}
        </nav>
        <div className="sb-footer-officer">
          <h2>{t('privacy.officer.title')}</h2>
          <p>
            <MailOutlined /> {t('privacy.officer.email')}
          </p>
          <Link to="/privacy#officer" data-testid="footer-officer-link">
            <SafetyCertificateOutlined /> {t('footer.officerLink')}
          </Link>
        </div>
      </div>
      <div className="sb-container sb-footer-legal">
        <span>{t('footer.copyright', { year })}</span>
        <span>{t('footer.icp')}</span>
        <span>{t('footer.psb')}</span>
      </div>
    </Layout.Footer>
  );
}
