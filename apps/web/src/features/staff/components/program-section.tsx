import { Alert, Button, Card, Radio, Space, Tag, Typography } from 'antd';
import type { TModuleResult, TModuleStatus, TTrainingModule } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { acknowledgeConduct, getConduct, getModule, getProgram, submitModule } from '../api/staff-api.ts';

const STATE_COLOR = { missing: 'default', valid: 'green', expiring: 'orange', expired: 'red' } as const;

/** One module: its text and quiz (written by the privacy officer, zh-CN), graded on the server against its pass mark. */
function ModuleQuiz({ module, onDone }: { module: TTrainingModule; onDone: () => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Array<number | undefined>>([]);
  const [result, setResult] = useState<TModuleResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <div data-testid={`module-${module.code}`}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{module.body}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('staff.program.passMark', { mark: module.passMark })}</Typography.Text>
      {module.questions.map((q, i) => (
        <fieldset key={q.prompt} className="sb-staff-question">
          <legend>{q.prompt}</legend>
          <Radio.Group value={answers[i]} onChange={(e) => setAnswers(Object.assign([...answers], { [i]: Number(e.target.value) }))}>
            <Space direction="vertical">
              {q.options.map((o, j) => (
                <Radio key={o} value={j}>
                  {o}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </fieldset>
      ))}
      {error !== undefined && <ApiErrorAlert error={error} />}
      {result && (
        <Alert
          type={result.passed ? 'success' : 'error'}
          showIcon
          title={t(result.passed ? 'staff.program.passed' : 'staff.program.failed', {
            correct: result.correct,
            total: result.total,
            mark: result.passMark,
          })}
        />
      )}
      <Button
        type="primary"
        disabled={module.questions.some((_q, i) => answers[i] === undefined)}
        onClick={() =>
          void (async () => {
            setError(undefined);
            try {
              const outcome = await submitModule(module.code, { revision: module.revision, answers: answers.map((a) => a ?? -1) });
              setResult(outcome);
              if (outcome.passed) onDone();
            } catch (failure) {
              setError(failure);
            }
          })()
        }
      >
        {t('staff.program.submit')}
      </Button>
    </div>
  );
}

/** The code of conduct to acknowledge and the training modules with their expiry (issue 19). */
export function ProgramSection({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const program = useApiQuery((signal) => getProgram(signal), 'program');
  const conduct = useApiQuery((signal) => getConduct(signal), 'conduct');
  const [open, setOpen] = useState<TTrainingModule | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const reload = () => {
    program.reload();
    onChange();
  };
  const current = conduct.data?.current;
  const modules = (program.data?.modules ?? []).filter((m) => m.code !== 'privacy-basics');
  const stateTag = (m: TModuleStatus) => <Tag color={STATE_COLOR[m.state]}>{t(`staff.program.states.${m.state}`)}</Tag>;
  return (
    <>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {current && (
        <Card title={t('staff.program.conductTitle', { version: current.version })} data-testid="conduct">
          <Typography.Title level={2} className="sb-subheading">
            {current.title}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{current.body}</Typography.Paragraph>
          {program.data?.conduct?.acknowledgedAt ? (
            <Typography.Text type="success">
              {t('staff.program.acknowledgedAt', { date: formatDateTime(program.data.conduct.acknowledgedAt, locale) })}
            </Typography.Text>
          ) : (
            <Button
              type="primary"
              onClick={() => void acknowledgeConduct(current.version).then(reload, setError)}
              data-testid="acknowledge-conduct"
            >
              {t('staff.program.acknowledge')}
            </Button>
          )}
        </Card>
      )}
      <Card title={t('staff.program.modulesTitle')}>
        {program.error !== undefined && <ApiErrorAlert error={program.error} onRetry={program.reload} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          {modules.map((m) => (
            <Card key={m.code} size="small" type="inner" title={m.title} extra={stateTag(m)}>
              {m.expiresAt && (
                <Typography.Paragraph>{t('staff.program.expiresAt', { date: formatDateTime(m.expiresAt, locale) })}</Typography.Paragraph>
              )}
              {open?.code === m.code ? (
                <ModuleQuiz
                  module={open}
                  onDone={() => {
                    reload();
                  }}
                />
              ) : (
                m.state !== 'valid' && (
                  <Button onClick={() => void getModule(m.code).then(setOpen, setError)}>
                    {t(m.state === 'missing' ? 'staff.program.start' : 'staff.program.retake')}
                  </Button>
                )
              )}
            </Card>
          ))}
        </Space>
      </Card>
    </>
  );
}
