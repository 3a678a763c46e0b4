import { AuditOutlined, CheckCircleOutlined, DeleteOutlined, EyeInvisibleOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

/** What the platform enforces regardless of who is signed in — a reminder, not a settings page. */
export function EnforcementCards() {
  const { t } = useTranslation();
  const items = [
    { key: 'encryption', icon: <KeyOutlined />, title: t('console.enforceEncryptionTitle'), body: t('console.enforceEncryptionBody') },
    { key: 'masking', icon: <EyeInvisibleOutlined />, title: t('console.enforceMaskingTitle'), body: t('console.enforceMaskingBody') },
    { key: 'rbac', icon: <StopOutlined />, title: t('console.enforceRbacTitle'), body: t('console.enforceRbacBody') },
    { key: 'consent', icon: <CheckCircleOutlined />, title: t('console.enforceConsentTitle'), body: t('console.enforceConsentBody') },
    { key: 'audit', icon: <AuditOutlined />, title: t('console.enforceAuditTitle'), body: t('console.enforceAuditBody') },
    { key: 'deletion', icon: <DeleteOutlined />, title: t('console.enforceDeletionTitle'), body: t('console.enforceDeletionBody') },
  ];
  return (
    <section>
      <h2 className="sb-console-section-title">{t('console.enforcementTitle')}</h2>
      <div className="sb-enforcement-grid">
        {items.map((item) => (
          <Card key={item.key} size="small" className="sb-enforcement-card">
            <span className="sb-enforcement-icon" aria-hidden="true">
              {item.icon}
            </span>
            <h3>{item.title}</h3>
            <p>{item.body}</p>
          </Card>
        ))}
      </div>
    </section>
  );
}
