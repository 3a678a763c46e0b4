import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session/session-context.ts';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { ThreadWorkspace } from '../components/thread-workspace.tsx';

/** /account/messages and /account/messages/:threadId — a buyer's or seller's conversations. */
export function MessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle('messages');
  const { threadId } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const isBuyer = session.account?.roles.includes('buyer') ?? false;
  return (
    <div className="sb-container sb-page sb-msg-page">
      <header className="sb-page-header sb-msg-page-header">
        <h1>{t('messages.title')}</h1>
        <p>{t('messages.intro')}</p>
      </header>
      <CustomerGate path={threadId ? `/account/messages/${threadId}` : '/account/messages'} errorTestId="messages-session-error">
        <ThreadWorkspace
          selectedId={threadId ?? null}
          onSelect={(id) => void navigate(id ? `/account/messages/${id}` : '/account/messages')}
          {...(isBuyer ? { start: { autoOpenListingId: params.get('listing') } } : {})}
        />
      </CustomerGate>
    </div>
  );
}
