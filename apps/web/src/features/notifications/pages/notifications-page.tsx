import '../notifications.css';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { NotificationList } from '../components/notification-list.tsx';
import { NotificationSettings } from '../components/notification-settings.tsx';

function NotificationsBody() {
  return (
    <div className="sb-notifications-layout">
      <NotificationList />
      <NotificationSettings />
    </div>
  );
}

/** `/account/notifications` — the customer's notices and channel choices. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle('notifications');
  return (
    <div className="sb-container sb-page" data-testid="notifications-page">
      <header className="sb-page-header">
        <h1>{t('notifications.title')}</h1>
        <p>{t('notifications.intro')}</p>
      </header>
      <CustomerGate path="/account/notifications" errorTestId="notifications-error">
        <NotificationsBody />
      </CustomerGate>
    </div>
  );
}

/** `/console/notifications` — the same for staff. */
export function ConsoleNotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle('notifications');
  return (
    <div data-testid="notifications-page">
      <header className="sb-console-page-header is-spaced">
        <h1>{t('notifications.title')}</h1>
        <p>{t('notifications.intro')}</p>
      </header>
      <NotificationsBody />
    </div>
  );
}
