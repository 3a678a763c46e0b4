import type { TDataroom, TQuestion } from '@sealbridge/contracts';
import { App, Button, Empty, Input, List, Skeleton, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dataroomApi } from '../api/dataroom-api.ts';

/** Q&A: buyers ask; the seller and the adviser answer and may publish a question to every buyer. */
export function QaPanel({ room }: { room: TDataroom }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => dataroomApi.questions(room.listingId, signal), `qa-${room.listingId}`);
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const manager = room.role !== 'buyer';
  const title = (documentId: string | null) => room.documents.find((d) => d.id === documentId)?.title;
  const run = async (work: () => Promise<TQuestion>, done?: string) => {
    try {
      await work();
      if (done) void message.success(done);
      query.reload();
      return true;
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
      return false;
    }
  };
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Skeleton active />;
  return (
    <div className="sb-dr-qa">
      {!manager && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            value={text}
            maxLength={2000}
            autoSize={{ minRows: 2 }}
            placeholder={t('dataroom.qa.askPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="question-text"
          />
          <Button
            type="primary"
            disabled={text.trim().length < 2}
            onClick={() =>
              void run(() => dataroomApi.ask(room.listingId, text, null), t('dataroom.qa.asked')).then((ok) => ok && setText(''))
            }
            data-testid="ask-question"
          >
            {t('dataroom.qa.ask')}
          </Button>
        </Space.Compact>
      )}
      {query.data.items.length === 0 ? (
        <Empty description={t('dataroom.qa.empty')} />
      ) : (
        <List
          dataSource={query.data.items}
          renderItem={(q) => (
            <List.Item data-testid="question-row">
              <div className="sb-dr-question">
                <Space wrap size={[4, 4]}>
                  <strong>{q.mine ? t('dataroom.qa.you') : q.askedBy}</strong>
                  <span className="sb-dr-hint">{formatDateTime(q.askedAt, currentLocale())}</span>
                  <Tag color={q.answer ? 'green' : 'orange'}>{t(q.answer ? 'dataroom.qa.answered' : 'dataroom.qa.unanswered')}</Tag>
                  <Tag>{t(q.published ? 'dataroom.qa.published' : 'dataroom.qa.private')}</Tag>
                  {q.documentId && title(q.documentId) && <Tag>{t('dataroom.qa.onDocument', { title: title(q.documentId) })}</Tag>}
                </Space>
                <p>{q.text}</p>
                {q.answer && (
                  <blockquote>
                    <strong>{t(`dataroom.qa.by.${q.answer.by}`)}：</strong>
                    {q.answer.text}
                  </blockquote>
                )}
                {manager && (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Input
                        value={answers[q.id] ?? ''}
                        maxLength={4000}
                        placeholder={t('dataroom.qa.answerPlaceholder')}
                        onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}
                      />
                      <Button
                        disabled={!(answers[q.id] ?? '').trim()}
                        onClick={() => void run(() => dataroomApi.answer(room.listingId, q.id, answers[q.id] ?? ''))}
                      >
                        {t('dataroom.qa.answer')}
                      </Button>
                    </Space.Compact>
                    <label>
                      <Switch
                        size="small"
                        checked={q.published}
                        onChange={(v) => void run(() => dataroomApi.publish(room.listingId, q.id, v))}
                      />{' '}
                      {t('dataroom.qa.publish')}
                    </label>
                  </Space>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
