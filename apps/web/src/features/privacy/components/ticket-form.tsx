import { Alert, Button, Form, Input, Select } from 'antd';
import { TICKET_TOPICS } from '@sealbridge/contracts';
import type { TFeedbackRequest, TicketTopic, TTicketReceipt } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';

type Props = {
  topics?: readonly TicketTopic[];
  withContact: boolean;
  submitLabel: string;
  send: (body: TFeedbackRequest) => Promise<TTicketReceipt>;
  testId: string;
};

/** Feedback or a rights request: stored as a ticket; the answer shows its number and due date. */
export function TicketForm({ topics = TICKET_TOPICS, withContact, submitLabel, send, testId }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<TFeedbackRequest>();
  const [sent, setSent] = useState<TTicketReceipt | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (values: TFeedbackRequest) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: TFeedbackRequest = {
        topic: values.topic,
        message: values.message,
        ...(values.contactEmail ? { contactEmail: values.contactEmail } : {}),
      };
      setSent(await send(body));
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ topic: topics[0] }} data-testid={testId}>
      <Form.Item name="topic" label={t('consent.feedback.topic')} rules={[{ required: true }]}>
        <Select options={topics.map((k) => ({ value: k, label: t(`consent.feedback.topics.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="message"
        label={t('consent.feedback.message')}
        rules={[{ required: true, min: 5, max: 4000, message: t('consent.feedback.messagePlaceholder') }]}
      >
        <Input.TextArea rows={4} placeholder={t('consent.feedback.messagePlaceholder')} maxLength={4000} />
      </Form.Item>
      {withContact ? (
        <Form.Item
          name="contactEmail"
          label={t('consent.feedback.contactEmail')}
          extra={t('consent.feedback.contactHint')}
          rules={[{ type: 'email' }]}
        >
          <Input maxLength={254} />
        </Form.Item>
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      {sent ? (
        <Alert
          type="success"
          showIcon
          data-testid={`${testId}-sent`}
          title={t('consent.feedback.sent', { no: sent.ticketNo, due: formatDateTime(sent.dueAt, locale) })}
        />
      ) : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
