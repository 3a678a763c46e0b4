import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { ThreadWorkspace } from '../components/thread-workspace.tsx';

/** /account/messages and /account/messages/:threadId — a buyer's or seller's conversations. */
export function MessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle('messages');
  const { threadId } = useParams();
  const navigate = useNavigate();
  return (
    <div className="sb-container sb-page sb-msg-page">
      <header className="sb-page-header sb-msg-page-header">
        <h1>{t('messages.title')}</h1>
        <p>{t('messages.intro')}</p>
      </header>
      <CustomerGate path={threadId ? `/account/messages/${threadId}` : '/account/messages'} errorTestId="messages-session-error">
        <ThreadWorkspace selectedId={threadId ?? null} onSelect={(id) => void navigate(id ? `/account/messages/${id}` : '/account/messages')} />
      </CustomerGate>
    </div>
  );
}
