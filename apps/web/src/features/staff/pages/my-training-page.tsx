import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import { AGREEMENT_VERSION, TRAINING_COURSE, TRAINING_QUIZ, TRAINING_VERSION } from '@sealbridge/contracts';
import type { TrainingQuestion } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { acceptAgreement, getCompliance, submitTraining } from '../api/staff-api.ts';
import { ProgramSection } from '../components/program-section.tsx';

const QUESTIONS = Object.keys(TRAINING_QUIZ) as TrainingQuestion[];
const SECTIONS = ['s1', 's2', 's3', 's4'] as const;
const OPTIONS = ['o0', 'o1', 'o2'] as const;

/** `/console/my/training` — every staff member accepts the agreement and passes the quiz themself. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('myTraining');
  const status = useApiQuery((signal) => getCompliance(signal), 'compliance');
  const [answers, setAnswers] = useState<Partial<Record<TrainingQuestion, number>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<{ passed: boolean; correct: number; total: number } | undefined>(undefined);

  async function run(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      status.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const data = status.data;
  return (
    <div className="sb-staff-page">
      <header className="sb-console-page-header">
        <h1>{t('staff.training.title')}</h1>
        <p>{t('staff.training.intro')}</p>
      </header>
      {status.error !== undefined && <ApiErrorAlert error={status.error} onRetry={status.reload} />}
      {error !== undefined && <ApiErrorAlert error={error} />}
      {data && (
        <Alert
          type={data.cleared ? 'success' : 'warning'}
          showIcon
          title={data.cleared ? t('staff.training.statusCleared') : t('staff.training.statusPending')}
          data-testid="training-status"
        />
      )}
      <Card title={t('staff.training.agreementTitle', { version: AGREEMENT_VERSION })}>
        <Typography.Paragraph>{t('staff.training.agreementText')}</Typography.Paragraph>
        {data?.agreement.acceptedAt ? (
          <Typography.Text type="success">
            {t('staff.training.acceptedAt', { date: formatDateTime(data.agreement.acceptedAt, locale) })}
          </Typography.Text>
        ) : (
          <Button type="primary" onClick={() => void run(() => acceptAgreement(AGREEMENT_VERSION))} data-testid="accept-agreement">
            {t('staff.training.accept')}
          </Button>
        )}
      </Card>
      <Card title={t('staff.training.courseTitle', { version: TRAINING_VERSION })}>
        {SECTIONS.map((s) => (
          <section key={s}>
            <Typography.Title level={2} className="sb-subheading">
              {t(`staff.training.sections.${s}Title`)}
            </Typography.Title>
            <Typography.Paragraph>{t(`staff.training.sections.${s}Body`)}</Typography.Paragraph>
          </section>
        ))}
        {data?.training.completedAt ? (
          <Typography.Text type="success">
            {t('staff.training.completedAt', { date: formatDateTime(data.training.completedAt, locale) })}
          </Typography.Text>
        ) : (
          <>
            <Typography.Title level={2} className="sb-subheading">
              {t('staff.training.quizTitle')}
            </Typography.Title>
            {QUESTIONS.map((q) => (
              <fieldset key={q} className="sb-staff-question">
                <legend>{t(`staff.training.questions.${q}`)}</legend>
                <Radio.Group value={answers[q]} onChange={(e) => setAnswers({ ...answers, [q]: Number(e.target.value) })}>
                  <Space direction="vertical">
                    {OPTIONS.map((o, index) => (
                      <Radio key={o} value={index}>
                        {t(`staff.training.options.${q}.${o}`)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </fieldset>
            ))}
            {result && !result.passed && (
              <Alert type="error" showIcon title={t('staff.training.failed', { correct: result.correct, total: result.total })} />
            )}
            <Button
              type="primary"
              disabled={QUESTIONS.some((q) => answers[q] === undefined)}
              title={t('staff.training.answerAll')}
              onClick={() =>
                void run(async () => {
                  const outcome = await submitTraining({
                    course: TRAINING_COURSE,
                    version: TRAINING_VERSION,
                    answers: answers as Record<string, number>,
                  });
                  setResult(outcome);
                })
              }
              data-testid="submit-quiz"
            >
              {t('staff.training.submitQuiz')}
            </Button>
          </>
        )}
        {result?.passed && <Alert type="success" showIcon title={t('staff.training.passed')} />}
      </Card>
      <ProgramSection onChange={status.reload} />
    </div>
  );
}
