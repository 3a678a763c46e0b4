import { AuditOutlined, DeleteOutlined, FileProtectOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';

/** The five promises a visitor most needs to hear — short and factual; details live in the privacy center. */
export function PrivacyPromises() {
  const { t } = useTranslation();
  const promises = [
    { icon: <KeyOutlined />, title: t('home.promises.encryptionTitle'), body: t('home.promises.encryptionBody') },
    { icon: <TeamOutlined />, title: t('home.promises.leastPrivilegeTitle'), body: t('home.promises.leastPrivilegeBody') },
    { icon: <FileProtectOutlined />, title: t('home.promises.consentTitle'), body: t('home.promises.consentBody') },
    { icon: <AuditOutlined />, title: t('home.promises.auditTitle'), body: t('home.promises.auditBody') },
    { icon: <DeleteOutlined />, title: t('home.promises.deletionTitle'), body: t('home.promises.deletionBody') },
  ];
  return (
    <section className="sb-section sb-promises" data-testid="privacy-promises">
      <div className="sb-container">
        <header className="sb-section-header">
          <h2>{t('home.promises.title')}</h2>
          <p>{t('home.promises.subtitle')}</p>
        </header>
        <ul className="sb-promise-list">
          {promises.map((promise) => (
            <li key={promise.title} className="sb-promise">
              <span className="sb-promise-icon" aria-hidden="true">
                {promise.icon}
              </span>
              <h3>{promise.title}</h3>
              <p>{promise.body}</p>
            </li>
          ))}
        </ul>
        <div className="sb-promises-more">
          <ButtonLink to="/privacy">{t('home.promises.learnMore')}</ButtonLink>
        </div>
      </div>
    </section>
  );
}
