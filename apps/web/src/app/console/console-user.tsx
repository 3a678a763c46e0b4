import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAccount } from '@sealbridge/contracts';

type Props = { account: TAccount; onSignOut: () => void };

/** The signed-in account in the console header: name, translated roles, sign-out. */
export function ConsoleUser({ account, onSignOut }: Props) {
  const { t } = useTranslation();
  return (
    <div className="sb-console-user" data-testid="console-user" aria-label={t('console.userMenu')}>
      <Avatar size="small" icon={<UserOutlined />} className="sb-console-avatar" />
      <span className="sb-console-name">{account.displayName}</span>
      <span className="sb-console-roles">
        {account.roles.map((role) => (
          <Tag key={role} color="blue" variant="filled">
            {/* Roles come from the contracts' closed list; codes.test.ts checks each has a name. */}
            {t(`roles.${role}`)}
          </Tag>
        ))}
      </span>
      <Button icon={<LogoutOutlined />} onClick={onSignOut} aria-label={t('nav.logout')} data-testid="logout">
        <span className="sb-console-logout-label">{t('nav.logout')}</span>
      </Button>
    </div>
  );
}
