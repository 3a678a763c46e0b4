import { Button, Card, Empty, Input, List, Space, Tag } from 'antd';
import type { TRightsRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../shared/api/use-action.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { useExtendRefuse } from '../../../shared/ui/use-extend-refuse.tsx';
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
  const { extend, refuse } = useExtendRefuse('rights.console', text);
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
        {!r.extension ? extend((days) => run(() => extendRights(r.id, days, text))) : null}
        {can('refused') ? refuse((code) => run(() => refuseRights(r.id, code, text))) : null}
      </Space>
    </Space>
  );
}

/** `/console/privacy/rights` — every rights request with its working-day clock; answer, extend, refuse, erase. */
export function RightsQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle('rightsQueue');
  const { round, error, run } = useAction();
  const query = useApiQuery((s) => getRightsQueue(s), `rights-queue-${round}`);
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
