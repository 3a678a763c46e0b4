import '../privacy.css';
import { Anchor } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { AntiFraudNote } from '../components/anti-fraud-note.tsx';
import { DataMapSection } from '../components/data-map-section.tsx';
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

/** `/privacy` — principles, live data map, rights, officer contact and the anti-fraud warning. */
export function PrivacyPage() {
  const { t } = useTranslation();
  useDocumentTitle('privacy');
  useScrollToHash();
  const anchors = [
    { key: 'principles', href: '#principles', title: t('privacy.principles.title') },
    { key: 'data-map', href: '#data-map', title: t('privacy.dataMap.title') },
    { key: 'rights', href: '#rights', title: t('privacy.rights.title') },
    { key: 'officer', href: '#officer', title: t('privacy.officer.title') },
  ];
  return (
    <div className="sb-container sb-page">
      <header className="sb-page-header">
        <h1>{t('privacy.title')}</h1>
        <p className="sb-privacy-intro">{t('privacy.intro')}</p>
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
        </div>
      </div>
    </div>
  );
}
