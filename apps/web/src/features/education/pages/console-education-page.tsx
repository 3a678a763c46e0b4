import type { EducationTip, TEducationItem } from '@sealbridge/contracts';
import { App, Button, Card, Empty, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { PageSpinner } from '../../../shared/ui/page-spinner.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { educationApi } from '../api/education-api.ts';
import '../education.css';

/** One guide or tip: both texts, saved together as a new revision. */
function ItemEditor({ item, onSaved }: { item: TEducationItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [zh, setZh] = useState(item.text['zh-CN']);
  const [en, setEn] = useState(item.text.en);
  const [saving, setSaving] = useState(false);
  const changed = zh !== item.text['zh-CN'] || en !== item.text.en;
  const save = async () => {
    setSaving(true);
    try {
      await educationApi.revise(item.code, { 'zh-CN': zh, en });
      void message.success(t('education.console.saved'));
      onSaved();
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Tag>{t(`education.kinds.${item.kind}`)}</Tag>
          <span>{item.kind === 'tip' ? t(`education.tips.${item.code as EducationTip}`) : t(`education.audiences.${item.audience}`)}</span>
        </Space>
      }
      extra={<span className="sb-education-meta">{t('education.console.revision', { revision: item.revision })}</span>}
      data-testid={`education-item-${item.code}`}
    >
      <label className="sb-education-field">
        <span>中文</span>
        <Input.TextArea rows={3} value={zh} onChange={(e) => setZh(e.target.value)} maxLength={600} />
      </label>
      <label className="sb-education-field">
        <span>English</span>
        <Input.TextArea rows={3} value={en} onChange={(e) => setEn(e.target.value)} maxLength={1200} />
      </label>
      <Button type="primary" disabled={!changed} loading={saving} onClick={() => void save()}>
        {t('education.console.save')}
      </Button>
    </Card>
  );
}

/** `/console/education` — the privacy officer edits the customer guides and in-flow tips (each save a new revision). */
export function ConsoleEducationPage() {
  const { t } = useTranslation();
  useDocumentTitle('education');
  const query = useApiQuery((signal) => educationApi.list(signal), 'education');
  if (query.loading && !query.data) return <PageSpinner />;
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  const items = query.data?.items ?? [];
  return (
    <div className="sb-education-page" data-testid="console-education">
      <h1>{t('education.console.title')}</h1>
      <p>{t('education.console.intro')}</p>
      {items.length === 0 ? (
        <Empty />
      ) : (
        <div className="sb-education-list">
          {items.map((item) => (
            <ItemEditor key={`${item.code}-${item.revision}`} item={item} onSaved={query.reload} />
          ))}
        </div>
      )}
    </div>
  );
}
