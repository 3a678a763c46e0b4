import { SafetyOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session/session-context.ts';

/** Greets the signed-in staff member and reminds them that the console is audited. */
export function WelcomeCard() {
  const { t } = useTranslation();
  const { account } = useSession();
  return (
    <Card className="sb-welcome-card">
      <div className="sb-welcome">
        <SafetyOutlined className="sb-welcome-icon" aria-hidden="true" />
        <div>
          <h1>{t('console.welcome', { name: account?.displayName ?? '' })}</h1>
          <p>{t('console.welcomeBody')}</p>
        </div>
      </div>
    </Card>
  );
}
