import '../verification.css';
import { Card, Skeleton } from 'antd';
import type { TMyVerificationResponse } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { CustomerGate } from '../../account/components/customer-gate.tsx';
import { getMyVerification } from '../api/verification-api.ts';
import { VerificationForm } from '../components/verification-form.tsx';
import { VerificationStatusCard } from '../components/verification-status.tsx';

const PATH = '/account/verification';

function MyVerification() {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => getMyVerification(signal), 'my-verification');
  const [latest, setLatest] = useState<TMyVerificationResponse | undefined>(undefined);
  const mine = latest ?? query.data;
  if (!mine) {
    if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} testId="verification-load-error" />;
    return <Skeleton active paragraph={{ rows: 4 }} />;
  }
  const canSubmit = mine.status === 'unverified' || mine.status === 'rejected';
  return (
    <div className="sb-verification-layout">
      <Card title={t('verification.mine.statusTitle')}>
        <VerificationStatusCard mine={mine} />
      </Card>
      {canSubmit && (
        <Card title={t('verification.mine.formTitle')}>
          <VerificationForm onSubmitted={setLatest} />
        </Card>
      )}
    </div>
  );
}

/** `/account/verification` — 实名认证: a customer's status and, when unverified or rejected, the form. */
export function MyVerificationPage() {
  const { t } = useTranslation();
  useDocumentTitle('myVerification');
  return (
    <div className="sb-container sb-page" data-testid="verification-page">
      <header className="sb-page-header">
        <h1>{t('verification.mine.title')}</h1>
        <p>{t('verification.mine.intro')}</p>
      </header>
      <CustomerGate path={PATH} errorTestId="verification-session-error">
        <MyVerification />
      </CustomerGate>
    </div>
  );
}
