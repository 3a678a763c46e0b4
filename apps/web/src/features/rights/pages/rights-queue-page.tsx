import { Button, Card, Empty, Input, InputNumber, List, Select, Space, Tag } from 'antd';
import { REFUSAL_REASON_CODES, type TRightsRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import {
  advanceRights,
  answerRights,
  executeRights,
  extendRights,
  getRightsQueue,
  refuseRights,
  revealRightsDetail,
} from '../api/rights-api.ts';
import { RightsStatus } from '../components/rights-status.tsx';
import '../rights.css';

type Row = TRightsRequest & { requesterNo: string | null };

/** The officer's actions on one request: only those its workflow allows from where it is. */
function Actions({ r, run }: { r: Row; run: (work: () => Promise<unknown>) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [days, setDays] = useState(5);
  const [code, setCode] = useState<string>('other');
  const [detail, setDetail] = useState<Record<string, string> | undefined>(undefined);
  const can = (s: string) => r.nextStatuses.includes(s as 'refused');
  const answers = can('answered') || can('corrected');
  if (!r.nextStatuses.length) return null;
  return (
    <Space direction="vertical" className="sb-rights-actions">
      <Space wrap>
        <Button size="small" onClick={() => run(async () => setDetail((await revealRightsDetail(r.id)).detail))}>
          {t('rights.console.reveal')}
        </Button>
        {can('in_progress') ? (
          <Button size="small" onClick={() => run(() => advanceRights(r.id, 'in_progress'))}>
            {t('rights.console.start')}
          </Button>
        ) : null}
        {can('erased') || can('closed') ? (
          <Button size="small" danger title={t('rights.console.executeHint')} onClick={() => run(() => executeRights(r.id))}>
            {t('rights.console.execute')}
          </Button>
        ) : null}
      </Space>
      {detail ? <pre className="sb-rights-detail">{JSON.stringify(detail, null, 2)}</pre> : null}
      <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('rights.console.answerLabel')} />
      <Space wrap>
        {answers ? (
          <Button size="small" type="primary" disabled={!text} onClick={() => run(() => answerRights(r.id, text))}>
            {t('rights.console.answer')}
          </Button>
        ) : null}
        {!r.extension ? (
          <>
            <InputNumber
              size="small"
              min={1}
              max={15}
              value={days}
              onChange={(v) => setDays(v ?? 5)}
              aria-label={t('rights.console.extendDays')}
            />
            <Button
              size="small"
              disabled={!text}
              title={t('rights.console.extendReason')}
              onClick={() => run(() => extendRights(r.id, days, text))}
            >
              {t('rights.console.extend')}
            </Button>
          </>
        ) : null}
        {can('refused') ? (
          <>
            <Select
              size="small"
              value={code}
              onChange={setCode}
              aria-label={t('rights.console.refuseCode')}
              options={REFUSAL_REASON_CODES.map((c) => ({ value: c, label: t(`rights.refusals.${c}`) }))}
              popupMatchSelectWidth={false}
            />
            <Button size="small" danger disabled={!text} onClick={() => run(() => refuseRights(r.id, code, text))}>
              {t('rights.console.refuse')}
            </Button>
          </>
        ) : null}
      </Space>
    </Space>
  );
}

/** `/console/privacy/rights` — every rights request with its working-day clock; answer, extend, refuse, erase. */
export function RightsQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle('rightsQueue');
  const [round, setRound] = useState(0);
  const query = useApiQuery((s) => getRightsQueue(s), `rights-queue-${round}`);
  const [error, setError] = useState<unknown>(undefined);
  const run = (work: () => Promise<unknown>) =>
    void (async () => {
      setError(undefined);
      try {
        await work();
        setRound((n) => n + 1);
      } catch (failure) {
        setError(failure);
      }
    })();
  return (
    <Card title={<h1 className="sb-card-page-title">{t('rights.console.title')}</h1>} data-testid="rights-queue">
      <p className="sb-muted">{t('rights.console.intro')}</p>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <List<Row>
        loading={query.loading}
        dataSource={query.data?.requests ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rights.console.empty')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="rights-queue-item">
            <div className="sb-rights-item">
              <strong>
                {r.requestNo} · {t(`rights.kinds.${r.kind}`)}
              </strong>{' '}
              <span className="sb-muted">
                {t('rights.console.requester')} {r.requesterNo ?? '—'}
              </span>{' '}
              {r.escalated && r.workingDaysLeft !== null ? <Tag color="red">{t('rights.console.escalated')}</Tag> : null}
              <RightsStatus request={r} />
              <Actions r={r} run={run} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
