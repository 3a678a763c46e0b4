import '../customers.css';
import { Card, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import type { LookupQuery, TLookupResponse } from '../api/customers-api.ts';
import { LookupForm } from '../components/lookup-form.tsx';
import { LookupResultCard } from '../components/lookup-result-card.tsx';
import { RevealModal } from '../components/reveal-modal.tsx';
import type { RevealTarget } from '../components/reveal-modal.tsx';

type Found = { result: TLookupResponse; query: LookupQuery };

/** `/console/customers/lookup` — brokers find a customer by exact identifier and view fields for a purpose. */
export function CustomerLookupPage() {
  const { t } = useTranslation();
  useDocumentTitle('customerLookup');
  const [found, setFound] = useState<Found | undefined>(undefined);
  const [target, setTarget] = useState<RevealTarget | undefined>(undefined);

  return (
    <div className="sb-lookup-page">
      <header className="sb-console-page-header">
        <h1>{t('customers.lookup.title')}</h1>
        <p>{t('customers.lookup.intro')}</p>
      </header>
      <Card>
        <LookupForm onResult={(result, query) => setFound({ result, query })} onClear={() => setFound(undefined)} />
      </Card>
      {found && (
        <section className="sb-lookup-results" aria-live="polite">
          <p className="sb-lookup-count" data-testid="lookup-count">
            {t('customers.lookup.resultCount', { count: found.result.accounts.length })}
          </p>
          {found.result.accounts.length === 0 ? (
            <Card>
              <Empty description={t('customers.lookup.noResult')} data-testid="lookup-empty" />
            </Card>
          ) : (
            found.result.accounts.map((account) => (
              <LookupResultCard
                key={account.accountId}
                account={account}
                onView={(field) => setTarget({ accountId: account.accountId, field })}
              />
            ))
          )}
        </section>
      )}
      {target && found && (
        <RevealModal
          key={`${target.accountId}:${target.field}`}
          target={target}
          defaultPurpose={found.query.purpose}
          onClose={() => setTarget(undefined)}
        />
      )}
    </div>
  );
}
