import './notification-bell.css';
import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { NOTIFICATIONS_CHANGED } from '../api/notification-events.ts';
import { notificationsApi } from '../api/notifications-api.ts';

/** How often the bell asks for the unread count (a notice is not urgent enough for a live channel). */
export const BELL_POLL_MS = 60_000;

/** The bell with the unread count, in the customer header and the console header; it links to the list. */
export function NotificationBell({ to }: { to: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      notificationsApi.list().then(
        (list) => live && setUnread(list.unread),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), BELL_POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [pathname]);
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <ButtonLink type="text" to={to} title={label} className="sb-bell" data-testid="nav-notifications" data-unread={unread}>
      {/* The name is this hidden text, not an aria-label: the badge's digits (hidden from the name) would not match it. */}
      <span className="sb-bell-name">{label}</span>
      <span aria-hidden="true">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="sb-bell-icon" />
        </Badge>
      </span>
    </ButtonLink>
  );
}
