import { AuditOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Why the log can be trusted, and where to complain about an access (the officer, PIPL Art. 50 and 52). */
export function AccessLogNotices() {
  const { t } = useTranslation();
  return (
    <aside className="sb-profile-notices" data-testid="access-log-notices">
      <Card size="small" className="sb-profile-notice">
        <h2>
          <AuditOutlined aria-hidden="true" /> {t('account.accessLog.recordedTitle')}
        </h2>
        <p>{t('account.accessLog.recordedBody')}</p>
      </Card>
      <Card size="small" className="sb-profile-notice">
        <h2>
          <CustomerServiceOutlined aria-hidden="true" /> {t('account.accessLog.complaintTitle')}
        </h2>
        <p>{t('account.accessLog.complaintBody')}</p>
        <p>
          <Link to="/privacy#officer" data-testid="access-log-officer-link">
            {t('account.accessLog.complaintLink')}
          </Link>
        </p>
      </Card>
    </aside>
  );
}
