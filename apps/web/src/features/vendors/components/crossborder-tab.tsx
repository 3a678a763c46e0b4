import { Alert, Button, Card, Form, Input, Select, Space, Statistic, Tag } from 'antd';
import { CROSS_BORDER_MECHANISMS, type TMechanism } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getCrossBorder, markFiled, recordMechanism } from '../api/vendors-api.ts';
import { dayToIso, useAction } from './use-action.ts';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';

/** This year's ledger of distinct persons abroad, the mechanism it requires, and the mechanisms on file. */
export function CrossBorderTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { round, error, run } = useAction();
  const query = useApiQuery((s) => getCrossBorder(s), `crossborder-${round}`);
  const [form] = Form.useForm();
  const l = query.data;
  const when = (v: string | null) => (v ? formatDateTime(v, locale) : '—');
  return (
    <div data-testid="cross-border">
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      {l ? (
        <Card size="small" title={t('vendors.crossBorder.year', { year: l.year })}>
          <Space wrap size="large">
            <Statistic title={t('vendors.crossBorder.sensitive')} value={l.sensitivePersons} />
            <Statistic title={t('vendors.crossBorder.nonSensitive')} value={l.nonSensitivePersons} />
            <Statistic title={t('vendors.crossBorder.required')} value={t(`vendors.crossBorder.kinds.${l.required}`)} />
          </Space>
          <Alert
            type={l.satisfied ? 'success' : 'error'}
            showIcon
            message={t(l.satisfied ? 'vendors.crossBorder.satisfied' : 'vendors.crossBorder.notSatisfied')}
          />
          <p className="sb-muted">{t('vendors.crossBorder.refusals', { count: l.refusals })}</p>
          <p className="sb-muted">{t('vendors.crossBorder.thresholds')}</p>
          <ResponsiveTable
            rowKey={(d) => `${d.country}-${d.vendorKey}`}
            size="small"
            pagination={false}
            dataSource={l.destinations}
            locale={{ emptyText: t('vendors.empty') }}
            columns={[
              { title: t('vendors.vendor.country'), dataIndex: 'country' },
              { title: t('vendors.crossBorder.destinations'), dataIndex: 'vendorKey' },
              { title: t('vendors.crossBorder.persons'), dataIndex: 'persons' },
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('vendors.crossBorder.mechanisms')}>
        <ResponsiveTable<TMechanism>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={l?.mechanisms ?? []}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('vendors.empty') }}
          columns={[
            {
              title: t('vendors.crossBorder.required'),
              dataIndex: 'kind',
              render: (v: TMechanism['kind']) => t(`vendors.crossBorder.kinds.${v}`),
            },
            { title: t('vendors.crossBorder.reference'), dataIndex: 'reference' },
            { title: t('vendors.crossBorder.effectiveAt'), dataIndex: 'effectiveAt', render: when },
            { title: t('vendors.crossBorder.validUntil'), dataIndex: 'validUntil', render: when },
            {
              title: t('vendors.crossBorder.filingDue'),
              key: 'filing',
              render: (_v, m) =>
                m.filingDueAt === null ? (
                  '—'
                ) : m.filedAt ? (
                  <Tag color="green">{t('vendors.crossBorder.filed')}</Tag>
                ) : (
                  <Space wrap>
                    <Tag color={m.filingOverdue ? 'red' : 'orange'}>
                      {m.filingOverdue ? t('vendors.crossBorder.overdue') : when(m.filingDueAt)}
                    </Tag>
                    <Button size="small" onClick={() => void run(() => markFiled(m.id))}>
                      {t('vendors.crossBorder.markFiled')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void run(() =>
              recordMechanism({
                kind: v.kind,
                reference: v.reference,
                effectiveAt: dayToIso(v.effectiveAt),
                ...(v.validUntil ? { validUntil: dayToIso(v.validUntil) } : {}),
              }),
            ).then((ok) => ok && form.resetFields())
          }
        >
          <h4>{t('vendors.crossBorder.add')}</h4>
          <Form.Item name="kind" label={t('vendors.crossBorder.mechanism')} rules={[{ required: true }]}>
            <Select options={CROSS_BORDER_MECHANISMS.map((k) => ({ value: k, label: t(`vendors.crossBorder.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="reference" label={t('vendors.crossBorder.reference')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="effectiveAt" label={t('vendors.crossBorder.effectiveAt')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('vendors.crossBorder.validUntil')}>
            <Input type="date" />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('vendors.form.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
