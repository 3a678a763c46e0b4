import { Alert, Button, Card, Form, Input, Select, Skeleton } from 'antd';
import { PURPOSES } from '@sealbridge/contracts';
import type { Purpose } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getNoticeDraft, publishNotice } from '../api/consent-api.ts';
import { InventoryTable } from '../components/notice-section.tsx';

type Values = { zh: string; en: string; effectiveAt: string; changedPurposes: Purpose[] };

/** A datetime-local value ("2026-12-06T09:00") for a moment `days` from now, in the browser's time zone. */
function localInputValue(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `/console/privacy/notice` — edit the notice's text and publish a version (privacy officer). */
export function PrivacyNoticeEditorPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle('privacyNotice');
  const [round, setRound] = useState(0);
  const draft = useApiQuery((s) => getNoticeDraft(s), `notice-draft-${round}`);
  const [error, setError] = useState<unknown>(undefined);
  const [published, setPublished] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const purposeName = (p: Purpose) => t(`codes.purposes.${p}` as 'codes.purposes.account_service');

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    setPublished(undefined);
    try {
      const n = await publishNotice({
        prose: { 'zh-CN': v.zh, en: v.en },
        effectiveAt: new Date(v.effectiveAt).toISOString(),
        changedPurposes: v.changedPurposes ?? [],
      });
      setPublished(n.version);
      setRound((x) => x + 1);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (draft.error) return <ApiErrorAlert error={draft.error} onRetry={draft.reload} />;
  if (!draft.data) return <Skeleton active />;
  const d = draft.data;
  return (
    <Card title={<h1 className="sb-card-page-title">{t('consent.console.noticeTitle')}</h1>} data-testid="notice-editor">
      <p className="sb-muted">{t('consent.console.noticeIntro')}</p>
      {d.ruleChange ? (
        <Alert
          type="warning"
          showIcon
          title={t('consent.console.detected', { purposes: d.changedPurposes.map(purposeName).join('、') || '—' })}
        />
      ) : null}
      <Form<Values>
        key={round}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ zh: d.prose['zh-CN'], en: d.prose.en, effectiveAt: localInputValue(8), changedPurposes: d.changedPurposes }}
      >
        <Form.Item name="zh" label={t('consent.console.proseZh')} rules={[{ required: true }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item name="en" label={t('consent.console.proseEn')} rules={[{ required: true }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item name="effectiveAt" label={t('consent.console.effectiveAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="notice-effective-at" />
        </Form.Item>
        <Form.Item name="changedPurposes" label={t('consent.console.changedPurposes')} extra={t('consent.console.changedPurposesHint')}>
          <Select mode="multiple" options={PURPOSES.map((p) => ({ value: p, label: purposeName(p) }))} />
        </Form.Item>
        {error ? <ApiErrorAlert error={error} /> : null}
        {error instanceof ApiError &&
        error.code === 'NOTICE_EFFECTIVE_TOO_SOON' &&
        typeof error.details?.['earliestEffectiveAt'] === 'string' ? (
          <p data-testid="notice-earliest">
            {t('consent.console.earliest', { time: formatDateTime(error.details['earliestEffectiveAt'], locale) })}
          </p>
        ) : null}
        {published ? <Alert type="success" showIcon title={t('consent.console.published', { version: published })} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('consent.console.publish')}
        </Button>
      </Form>
      <h2 className="sb-subheading">{t('consent.console.preview', { count: d.inventory.length })}</h2>
      <InventoryTable items={d.inventory} />
    </Card>
  );
}
