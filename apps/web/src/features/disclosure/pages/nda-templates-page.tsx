import '../disclosure.css';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Tag } from 'antd';
import { NDA_VARIABLES } from '@sealbridge/contracts';
import type { TNdaTemplate, TNdaTemplateInput } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { ndaApi } from '../api/nda-api.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

const STATUS_COLORS: Record<TNdaTemplate['status'], string> = { draft: 'processing', published: 'success', retired: 'default' };
type Editing = { mode: 'view' | 'edit' | 'create'; template?: TNdaTemplate };

/** The names of unknown variables of a refused draft (NDA_TEMPLATE_INVALID details.variables). */
const unknownVariables = (error: unknown): string[] =>
  error instanceof ApiError && error.code === 'NDA_TEMPLATE_INVALID' && Array.isArray(error.details?.['variables'])
    ? (error.details['variables'] as unknown[]).map(String)
    : [];

function TemplateForm({ editing, onSaved, onCancel }: { editing: Editing; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TNdaTemplateInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const readOnly = editing.mode === 'view';
  const version = editing.template?.version ?? 0;
  const required = [{ required: true, whitespace: true, message: t('disclosure.templates.required') }];

  const save = async (values: TNdaTemplateInput) => {
    setBusy(true);
    setError(undefined);
    try {
      if (editing.mode === 'edit' && version) await ndaApi.edit(version, values);
      else await ndaApi.draft(values);
      void message.success(t('disclosure.templates.saved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const unknown = unknownVariables(error);
  const title =
    editing.mode === 'create'
      ? t('disclosure.templates.creating')
      : editing.mode === 'edit'
        ? t('disclosure.templates.editing', { version })
        : t('disclosure.templates.viewing', {
            version,
            status: editing.template ? t(`disclosure.templates.statuses.${editing.template.status}`) : '',
          });
  return (
    <Card title={title} data-testid="nda-template-form" className="sb-history">
      <div className="sb-variables">
        <strong>{t('disclosure.templates.variablesTitle')}</strong>
        <p className="sb-muted">{t('disclosure.templates.variablesIntro')}</p>
        <ul>
          {NDA_VARIABLES.map((v) => (
            <li key={v}>
              <code>{`{{${v}}}`}</code> {t(`disclosure.templates.variables.${v}`)}
            </li>
          ))}
        </ul>
      </div>
      <Form form={form} layout="vertical" disabled={readOnly} initialValues={editing.template} onFinish={(v) => void save(v)}>
        <Form.Item name="titleZh" label={t('disclosure.templates.titleZh')} rules={required}>
          <Input maxLength={100} data-testid="nda-title-zh" />
        </Form.Item>
        <Form.Item name="bodyZh" label={t('disclosure.templates.bodyZh')} rules={required}>
          <Input.TextArea rows={12} maxLength={20_000} data-testid="nda-body-zh" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('disclosure.templates.titleEn')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('disclosure.templates.bodyEn')} rules={required}>
          <Input.TextArea rows={8} maxLength={20_000} />
        </Form.Item>
        <Form.Item
          name="termMonths"
          label={t('disclosure.templates.termMonths')}
          rules={[{ required: true, message: t('disclosure.templates.required') }]}
        >
          <InputNumber min={1} max={120} />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} />}
      {unknown.length > 0 && (
        <p className="sb-muted" data-testid="nda-unknown-variables">
          {t('disclosure.templates.unknownVariables', { names: unknown.join(t('disclosure.listSeparator')) })}
        </p>
      )}
      <Space wrap>
        {!readOnly && (
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="nda-save">
            {t('disclosure.templates.save')}
          </Button>
        )}
        <Button onClick={onCancel}>{readOnly ? t('disclosure.close') : t('disclosure.cancel')}</Button>
      </Space>
    </Card>
  );
}

/** `/console/nda` — 保密协议模板: versions, a draft from the version in force, editing drafts, publishing (confirmed). */
export function NdaTemplatesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  useDocumentTitle('ndaTemplates');
  const query = useApiQuery((signal) => ndaApi.templates(signal), 'nda-templates');
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const published = query.data?.items.find((i) => i.status === 'published');
  const publish = (template: TNdaTemplate) =>
    modal.confirm({
      title: t('disclosure.templates.publishTitle', { version: template.version }),
      content: t('disclosure.templates.publishBody'),
      okText: t('disclosure.templates.publish'),
      okButtonProps: { 'data-testid': 'nda-publish-confirm' },
      cancelText: t('disclosure.cancel'),
      onOk: async () => {
        try {
          await ndaApi.publish(template.version);
          void message.success(t('disclosure.templates.published'));
          setEditing(undefined);
          query.reload();
        } catch (error) {
          void message.error(errorText(error, locale));
        }
      },
    });
  const fresh = (): TNdaTemplate | undefined => published && { ...published, status: 'draft', publishedAt: null };
  return (
    <div data-testid="nda-templates-page">
      <header className="sb-console-page-header is-spaced">
        <h1>{t('disclosure.templates.title')}</h1>
        <p>{t('disclosure.templates.intro')}</p>
      </header>
      <p>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create', ...(published ? { template: fresh() } : {}) })}
          data-testid="nda-new-draft"
        >
          {t('disclosure.templates.newDraft')}
        </Button>
      </p>
      {query.error !== undefined && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      <ResponsiveTable<TNdaTemplate>
        rowKey="version"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="nda-templates"
        columns={[
          { title: t('disclosure.templates.version'), dataIndex: 'version' },
          {
            title: t('disclosure.templates.status'),
            dataIndex: 'status',
            render: (s: TNdaTemplate['status']) => <Tag color={STATUS_COLORS[s]}>{t(`disclosure.templates.statuses.${s}`)}</Tag>,
          },
          { title: t('disclosure.templates.titleCol'), dataIndex: 'titleZh' },
          {
            title: t('disclosure.templates.term'),
            dataIndex: 'termMonths',
            render: (m: number) => t('disclosure.templates.months', { months: m }),
          },
          {
            title: t('disclosure.templates.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => (v ? formatDateTime(v, locale) : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  onClick={() => setEditing({ mode: row.status === 'draft' ? 'edit' : 'view', template: row })}
                  data-testid={`nda-open-${row.version}`}
                >
                  {row.status === 'draft' ? t('disclosure.templates.edit') : t('disclosure.templates.view')}
                </Button>
                {row.status === 'draft' && (
                  <Button size="small" type="primary" onClick={() => publish(row)} data-testid={`nda-publish-${row.version}`}>
                    {t('disclosure.templates.publish')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <TemplateForm
          key={`${editing.mode}-${editing.template?.version ?? 'new'}`}
          editing={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            query.reload();
          }}
        />
      )}
    </div>
  );
}
