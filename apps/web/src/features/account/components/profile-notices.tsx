import { AuditOutlined, IdcardOutlined, LockOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';

/**
 * Why my data is safe here, who accessed it (the customer-visible access log), and why the ID number is asked for
 * (PIPL Art. 28 sensitive information).
 */
export function ProfileNotices() {
  const { t } = useTranslation();
  return (
    <aside className="sb-profile-notices" data-testid="profile-notices">
      <Card size="small" className="sb-profile-notice">
        <h2>
          <LockOutlined aria-hidden="true" /> {t('account.profile.encryptedTitle')}
        </h2>
        <p>{t('account.profile.encryptedBody')}</p>
      </Card>
      <Card size="small" className="sb-profile-notice">
        <h2>
          <AuditOutlined aria-hidden="true" /> {t('account.profile.accessLogTitle')}
        </h2>
        <p>{t('account.profile.accessLogBody')}</p>
        <ButtonLink
          to="/account/access-log"
          icon={<AuditOutlined />}
          className="sb-profile-notice-action"
          data-testid="profile-access-log-link"
        >
          {t('account.profile.accessLogLink')}
        </ButtonLink>
      </Card>
      <Card size="small" className="sb-profile-notice">
        <h2>
          <IdcardOutlined aria-hidden="true" /> {t('account.profile.idNumberTitle')}
        </h2>
        <p>{t('account.profile.idNumberBody')}</p>
      </Card>
    </aside>
  );
}
