import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { PageSpinner } from '../../../shared/ui/page-spinner.tsx';
import { isCustomer, pendingStepPath, useSession } from '../../auth/session/session-context.ts';

type Props = {
  /** Where to come back to after signing in. */
  path: string;
  /** data-testid of a session error. */
  errorTestId: string;
  children: ReactNode;
};

/**
 * The customers-only part of an /account page: visitors sign in first and come back to `path`, a session that owes
 * its second step finishes it first, staff are sent to the console, a failed session check is shown by code.
 */
export function CustomerGate({ path, errorTestId, children }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <PageSpinner />;
  if (session.status === 'anonymous') return <Navigate to="/login" replace state={{ from: path }} />;
  // Signed in with the password but the second step (or a first factor) is still owed: finish it first.
  const pending = pendingStepPath(session);
  if (pending) return <Navigate to={pending} replace state={{ from: path }} />;
  if (session.status === 'error' || !session.account) {
    return <ApiErrorAlert error={session.error} onRetry={session.refresh} testId={errorTestId} />;
  }
  if (!isCustomer(session.account)) {
    return (
      <Result
        status="info"
        title={t('account.profile.staffTitle')}
        subTitle={t('account.profile.staffBody')}
        extra={<ButtonLink to="/console">{t('nav.console')}</ButtonLink>}
        data-testid="profile-staff"
      />
    );
  }
  return <>{children}</>;
}
