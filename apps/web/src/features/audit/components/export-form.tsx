import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Radio } from 'antd';
import type { GetProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayRange } from '../../../shared/api/day-range.ts';
import { DayRangePicker } from '../../../shared/ui/day-range-picker.tsx';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { downloadAuditExport } from '../api/audit-api.ts';
import type { ExportFormat } from '../api/audit-api.ts';

type Range = GetProps<typeof DayRangePicker>['value'];
type Values = { range: Range; format: ExportFormat };

/** A period and a format → a file download; refusals (audit.export is not every auditor role's) are shown by code. */
export function ExportForm() {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);

  const submit = async ({ range, format }: Values) => {
    const [first, last] = range ?? [];
    if (!first || !last) return;
    const [a, b] = [first.format('YYYY-MM-DD'), last.format('YYYY-MM-DD')];
    const { from, to } = dayRange(a, b);
    const filename = `sealbridge-audit-${a}_${b}.${format}`;
    setLoading(true);
    setError(undefined);
    setDone(undefined);
    try {
      await downloadAuditExport(from, to, format, filename);
      setDone(filename);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form<Values> layout="vertical" initialValues={{ format: 'csv' }} onFinish={(v) => void submit(v)} data-testid="audit-export-form">
      <div className="sb-audit-export-row">
        <Form.Item name="range" label={t('audit.export.range')} rules={[{ required: true, message: t('audit.export.rangeRequired') }]}>
          <DayRangePicker className="sb-audit-range" data-testid="audit-export-range" />
        </Form.Item>
        <Form.Item name="format" label={t('audit.export.format')}>
          <Radio.Group
            optionType="button"
            options={(['csv', 'json'] as const).map((f) => ({ value: f, label: t(`audit.export.formats.${f}`) }))}
            data-testid="audit-export-format"
          />
        </Form.Item>
        <Form.Item className="sb-audit-export-submit">
          <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={loading} data-testid="audit-export-submit">
            {t('audit.export.submit')}
          </Button>
        </Form.Item>
      </div>
      {error !== undefined && <ApiErrorAlert error={error} testId="audit-export-error" />}
      {done && <Alert type="success" showIcon title={t('audit.export.done', { file: done })} data-testid="audit-export-done" />}
    </Form>
  );
}
