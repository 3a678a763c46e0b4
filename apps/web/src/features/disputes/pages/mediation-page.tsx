import { Button, Empty, Form, Input, Select, Space } from 'antd';
import { DISPUTE_CLOSINGS, type TDispute } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { closeDispute, listMyDisputes, recordSession } from '../api/disputes-api.ts';
import { DisputeCard } from '../components/dispute-card.tsx';

/** The mediator's controls on one open case: record a session, close with an outcome or refer it. */
function MediationControls({ dispute, onDone }: { dispute: TDispute; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(undefined);
  const [notes, setNotes] = useState('');
  const [closing, setClosing] = useState<(typeof DISPUTE_CLOSINGS)[number]>('resolved');
  const [outcome, setOutcome] = useState('');
  const run = (work: () => Promise<unknown>) => {
    setError(undefined);
    void work().then(onDone, setError);
  };
  return (
    <Form layout="vertical" style={{ marginTop: 16 }}>
      {error !== undefined && <ApiErrorAlert error={error} />}
      <Form.Item label={t('disputes.sessionNotes')} extra={t('disputes.noIdentifiers')}>
        <Input.TextArea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="session-notes" />
      </Form.Item>
      <Button disabled={notes.trim().length < 5} onClick={() => run(() => recordSession(dispute.id, notes))} data-testid="session-save">
        {t('disputes.recordSession')}
      </Button>
      <Form.Item label={t('disputes.closing')} style={{ marginTop: 16 }}>
        <Select
          value={closing}
          onChange={setClosing}
          options={DISPUTE_CLOSINGS.map((v) => ({ value: v, label: t(`disputes.closings.${v}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('disputes.outcome')}>
        <Input.TextArea rows={3} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="dispute-outcome-input" />
      </Form.Item>
      <Button
        type="primary"
        disabled={outcome.trim().length < 5}
        onClick={() => run(() => closeDispute(dispute.id, { closing, outcome }))}
        data-testid="dispute-close"
      >
        {t('disputes.close')}
      </Button>
    </Form>
  );
}

/** /console/mediation — the disputes a broker mediates (the listing's broker, or the claimant's adviser). */
export function MediationPage() {
  const { t } = useTranslation();
  useDocumentTitle('mediation');
  const list = useApiQuery((signal) => listMyDisputes(signal), 'mediation');
  const mine = list.data?.items.filter((d) => d.myRole === 'mediator') ?? [];
  return (
    <div className="sb-staff-page">
      <header className="sb-console-page-header">
        <h1>{t('disputes.mediationTitle')}</h1>
        <p>{t('disputes.mediationIntro')}</p>
      </header>
      {list.error !== undefined && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && mine.length === 0 && <Empty description={t('disputes.empty')} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {mine.map((d) => (
          <DisputeCard key={d.id} dispute={d}>
            {!d.closedAt && <MediationControls dispute={d} onDone={list.reload} />}
          </DisputeCard>
        ))}
      </Space>
    </div>
  );
}
