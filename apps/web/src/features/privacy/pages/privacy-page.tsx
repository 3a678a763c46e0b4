import '../privacy.css';
import { Anchor } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CertificateCheckSection } from '../../disclosure/components/certificate-check-section.tsx';
import { DisclosureLevelsSection } from '../../disclosure/components/disclosure-levels-section.tsx';
import { AntiFraudNote } from '../components/anti-fraud-note.tsx';
import { DataMapSection } from '../components/data-map-section.tsx';
import { FeedbackSection } from '../components/feedback-section.tsx';
import { GuidesSection } from '../components/guides-section.tsx';
import { NoticeSection } from '../components/notice-section.tsx';
import { RecipientsSection } from '../components/recipients-section.tsx';
import { OfficerContact } from '../components/officer-contact.tsx';
import { PrinciplesSection } from '../components/principles-section.tsx';
import { RightsSection } from '../components/rights-section.tsx';

/** Scrolls to /privacy#section when arriving from a link such as the footer's officer contact. */
function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [hash]);
}

/** `/privacy` — principles, live data map, rights, officer contact, the notice and its versions, recipients, guides and feedback. */
export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle('privacy');
  useScrollToHash();
  const anchors = [
    { key: 'principles', href: '#principles', title: t('privacy.principles.title') },
    { key: 'data-map', href: '#data-map', title: t('privacy.dataMap.title') },
    { key: 'rights', href: '#rights', title: t('privacy.rights.title') },
    { key: 'officer', href: '#officer', title: t('privacy.officer.title') },
    { key: 'notice', href: '#notice', title: t('consent.notice.title') },
    { key: 'recipients', href: '#recipients', title: t('consent.center.thirdPartiesTitle') },
    { key: 'disclosure-levels', href: '#disclosure-levels', title: t('disclosure.levelsSection.title') },
    { key: 'nda-certificate', href: '#nda-certificate', title: t('disclosure.certificateCheck.title') },
    { key: 'guides', href: '#guides', title: t('consent.guides.title') },
    { key: 'feedback', href: '#feedback', title: t('consent.feedback.title') },
  ];
  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('privacy.title')}</h1>
        <p className="sb-privacy-intro">{t('privacy.intro')}</p>
        <p>
          <Link to="/privacy/transparency" data-testid="privacy-transparency-link">
            {t('transparency.linkFromPrivacy')}
          </Link>
        </p>
      </header>
      <AntiFraudNote />
      <div className="sb-privacy-layout">
        <aside className="sb-privacy-anchor">
          <Anchor items={anchors} offsetTop={80} replace />
        </aside>
        <div className="sb-privacy-body">
          <PrinciplesSection />
          <DataMapSection />
          <RightsSection />
          <OfficerContact />
          <NoticeSection />
          <RecipientsSection />
          <DisclosureLevelsSection />
          <CertificateCheckSection />
          <GuidesSection />
          <FeedbackSection />
        </div>
      </div>
    </div>
  );
}
