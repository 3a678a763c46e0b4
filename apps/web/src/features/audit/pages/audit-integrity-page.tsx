import '../audit.css';
import type { TIntegrityResponse } from '@sealbridge/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { checkIntegrity, getCheckpoint, getWitnesses } from '../api/audit-api.ts';
import { CheckpointCard } from '../components/checkpoint-card.tsx';
import { IntegrityCard } from '../components/integrity-card.tsx';
import { WitnessesCard } from '../components/witnesses-card.tsx';

type Check = { result?: TIntegrityResponse; checkedAt?: string; error?: unknown; loading: boolean };

/**
 * `/console/audit/integrity` — verifies the trail on opening and on demand (each check is itself recorded), and
 * shows the public checkpoint with its verifier key and the witnesses' cosignatures.
 */
export function AuditIntegrityPage() {
  const { t } = useTranslation();
  useDocumentTitle('auditIntegrity');
  const [check, setCheck] = useState<Check>({ loading: true });
  const checkpoint = useApiQuery((signal) => getCheckpoint(signal), 'audit-checkpoint');
  const witnesses = useApiQuery((signal) => getWitnesses(signal), 'audit-witnesses');
  const current = useRef<AbortController | undefined>(undefined);
  const { reload: reloadCheckpoint } = checkpoint;

  const verify = useCallback(() => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setCheck((c) => ({ ...c, error: undefined, loading: true }));
    checkIntegrity(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setCheck({ result, checkedAt: new Date().toISOString(), loading: false });
        reloadCheckpoint();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setCheck((c) => ({ ...c, error, loading: false }));
      },
    );
  }, [reloadCheckpoint]);

  useEffect(() => {
    verify();
    return () => current.current?.abort();
  }, [verify]);

  return (
    <div className="sb-audit-page">
      <header className="sb-console-page-header">
        <h1>{t('audit.integrity.title')}</h1>
        <p>{t('audit.integrity.intro')}</p>
      </header>
      <div className="sb-audit-integrity-grid">
        <IntegrityCard result={check.result} checkedAt={check.checkedAt} error={check.error} loading={check.loading} onVerify={verify} />
        <CheckpointCard checkpoint={checkpoint.data} error={checkpoint.error} onRetry={checkpoint.reload} />
        <WitnessesCard witnesses={witnesses.data} latestSize={checkpoint.data?.size} error={witnesses.error} onRetry={witnesses.reload} />
      </div>
    </div>
  );
}
