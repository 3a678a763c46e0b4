import { Button, Card, Form, Input, Select, Tag } from 'antd';
import { PIA_TEMPLATES, PURPOSES, type TImpactAssessment } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { createAssessment, getAssessments, getVendors } from '../api/vendors-api.ts';
import { useAction } from './use-action.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

/** Impact assessments (PIPL Arts. 55–56) from templates, linked to the flows (recipient × purpose) they cover. */
export function AssessmentsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { round, error, run } = useAction();
  const query = useApiQuery((s) => getAssessments(s), `assessments-${round}`);
  const vendors = useApiQuery((s) => getVendors(s), 'assessment-vendors');
  const [form] = Form.useForm();
  const template = Form.useWatch('template', form) as TImpactAssessment['template'] | undefined;
  const questions = query.data?.templates.find((x) => x.template === template)?.questions ?? [];
  return (
    <div data-testid="impact-assessments">
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <ResponsiveTable<TImpactAssessment>
        rowKey="id"
        size="small"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('vendors.empty') }}
        columns={[
          { title: t('vendors.assessments.title'), dataIndex: 'title' },
          {
            title: t('vendors.assessments.template'),
            dataIndex: 'template',
            render: (v: TImpactAssessment['template']) => t(`vendors.assessments.templates.${v}`),
          },
          {
            title: t('vendors.assessments.flow'),
            key: 'flow',
            render: (_v, a) => `${a.vendorKey ?? '—'} · ${a.purposes.map((p) => t(`codes.purposes.${p}`)).join('、')}`,
          },
          {
            title: t('vendors.assessments.risk'),
            dataIndex: 'riskLevel',
            render: (v: TImpactAssessment['riskLevel']) => t(`vendors.assessments.risks.${v}`),
          },
          { title: t('vendors.assessments.assessedAt'), dataIndex: 'assessedAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('vendors.assessments.reviewDue'),
            key: 'review',
            render: (_v, a) =>
              a.reviewOverdue ? <Tag color="orange">{t('vendors.assessments.reviewOverdue')}</Tag> : formatDateTime(a.reviewDueAt, locale),
          },
          { title: t('vendors.assessments.retainUntil'), dataIndex: 'retainUntil', render: (v: string) => formatDateTime(v, locale) },
        ]}
      />
      <Card size="small" title={t('vendors.assessments.add')}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ template: 'entrusted_processing', riskLevel: 'low' }}
          onFinish={(v) =>
            void run(() =>
              createAssessment({
                template: v.template,
                vendorId: v.vendorId ?? null,
                purposes: v.purposes,
                title: v.title,
                answers: { necessity: v.necessity, impact: v.impact, measures: v.measures },
                conclusion: v.conclusion,
                riskLevel: v.riskLevel,
              }),
            ).then((ok) => ok && form.resetFields())
          }
        >
          <Form.Item name="template" label={t('vendors.assessments.template')}>
            <Select options={PIA_TEMPLATES.map((x) => ({ value: x, label: t(`vendors.assessments.templates.${x}`) }))} />
          </Form.Item>
          {questions.length ? (
            <ul className="sb-muted">
              {questions.map((q) => (
                <li key={q.en}>{q[locale]}</li>
              ))}
            </ul>
          ) : null}
          <Form.Item name="vendorId" label={t('vendors.assessments.vendor')}>
            <Select
              allowClear
              options={(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name[locale]} (${v.vendorKey})` }))}
            />
          </Form.Item>
          <Form.Item name="purposes" label={t('vendors.form.purposes')} rules={[{ required: true }]}>
            <Select mode="multiple" options={PURPOSES.map((p) => ({ value: p, label: t(`codes.purposes.${p}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('vendors.assessments.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          {(['necessity', 'impact', 'measures', 'conclusion'] as const).map((name) => (
            <Form.Item key={name} name={name} label={t(`vendors.assessments.${name}`)} rules={[{ required: true, min: 4 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ))}
          <Form.Item name="riskLevel" label={t('vendors.assessments.risk')}>
            <Select options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: t(`vendors.assessments.risks.${r}`) }))} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('vendors.form.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
