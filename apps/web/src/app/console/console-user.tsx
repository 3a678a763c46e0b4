import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isKnownRole } from '../../features/auth/api/auth-types.ts';
import type { TAccount } from '../../features/auth/api/auth-types.ts';

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
            {/* A role added on the server before the UI learns its name is shown as its code. */}
            {isKnownRole(role) ? t(`roles.${role}`) : role}
          </Tag>
        ))}
      </span>
      <Button icon={<LogoutOutlined />} onClick={onSignOut} data-testid="logout">
        {t('nav.logout')}
      </Button>
    </div>
  );
}
