import { BUDGET_BANDS, BUYER_TYPES, PURCHASE_TIMELINES } from '@sealbridge/contracts';
import type { TBuyerInquiry, TInquiryRequest, TTextFinding } from '@sealbridge/contracts';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { buyerApi } from '../api/disclosure-api.ts';
import { findingsOf, findingText } from './disclosure-labels.ts';

type Values = Required<TInquiryRequest>;
type Props = { code: string; onDone: (inquiry: TBuyerInquiry) => void; onClose: () => void };

/** 申请查看详情: bands only (no exact amounts) and a guarded note; an identifier in the note is pointed at, not repeated. */
export function InquiryFormModal({ code, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [findings, setFindings] = useState<TTextFinding[]>([]);
  const required = [{ required: true, message: t('disclosure.inquire.required') }];

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    setFindings([]);
    try {
      onDone(await buyerApi.inquire(code, { ...values, note: values.note ?? '' }));
    } catch (failure) {
      const found = findingsOf(failure).filter((f) => f.field === 'note');
      if (found.length) setFindings(found);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('disclosure.inquire.formTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('disclosure.inquire.submit')}
      cancelText={t('disclosure.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'inquiry-submit' }}
      destroyOnHidden
      width={520}
    >
      <p className="sb-muted">{t('disclosure.inquire.formIntro')}</p>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="inquiry-form" requiredMark={false}>
        <Form.Item name="buyerType" label={t('disclosure.inquire.buyerType')} rules={required}>
          <Select
            data-testid="inquiry-buyer-type"
            options={BUYER_TYPES.map((v) => ({ value: v, label: t(`disclosure.buyerTypes.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="budgetBand" label={t('disclosure.inquire.budgetBand')} rules={required}>
          <Select data-testid="inquiry-budget" options={BUDGET_BANDS.map((v) => ({ value: v, label: t(`disclosure.budgetBands.${v}`) }))} />
        </Form.Item>
        <Form.Item name="timeline" label={t('disclosure.inquire.timeline')} rules={required}>
          <Select
            data-testid="inquiry-timeline"
            options={PURCHASE_TIMELINES.map((v) => ({ value: v, label: t(`disclosure.timelines.${v}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('disclosure.inquire.note')}
          extra={t('disclosure.inquire.noteHint')}
          validateStatus={findings.length ? 'error' : undefined}
          help={
            findings.length ? (
              <ul className="sb-findings" data-testid="inquiry-findings">
                {findings.map((f) => (
                  <li key={`${f.start}`} data-finding-kind={f.kind}>
                    {findingText(f, t)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('disclosure.inquire.notePlaceholder')}
            data-testid="inquiry-note"
            onChange={() => setFindings([])}
          />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} testId="inquiry-error" />}
    </Modal>
  );
}
