import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { findingsOf, findingText } from './disclosure-labels.ts';

type Props = {
  title: string;
  label: string;
  /** Declines need a reason the other side reads; a revocation's reason is optional. */
  required: boolean;
  okText: string;
  danger?: boolean;
  extra?: ReactNode;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
};

/** Asks for a reason (guarded free text, shown to the buyer); an identifier in it is pointed at, not repeated. */
export function ReasonModal({ title, label, required, okText, danger, extra, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [findings, setFindings] = useState<string[]>([]);

  const submit = async ({ reason }: { reason?: string }) => {
    setBusy(true);
    setError(undefined);
    setFindings([]);
    try {
      await onSubmit((reason ?? '').trim());
      onClose();
    } catch (failure) {
      const found = findingsOf(failure);
      if (found.length) setFindings(found.map((f) => findingText(f, t)));
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t('disclosure.cancel')}
      okButtonProps={{ loading: busy, danger, 'data-testid': 'reason-ok' }}
      destroyOnHidden
    >
      {extra}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: t('disclosure.reasonRequired') }] : []}
          validateStatus={findings.length ? 'error' : undefined}
          help={findings.length ? findings.join(' ') : undefined}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} />}
    </Modal>
  );
}
