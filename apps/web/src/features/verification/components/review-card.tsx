import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select } from 'antd';
import { VERIFICATION_CHECKLIST, VERIFICATION_REJECT_REASONS } from '@sealbridge/contracts';
import type { TVerificationReviewItem, VerificationChecklistItem, VerificationRejectReason } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';
import { decideVerification } from '../api/verification-api.ts';
import { VerificationStatusTag } from './verification-status.tsx';

type Values = { outcome: 'verified' | 'rejected'; checked: VerificationChecklistItem[]; reason?: VerificationRejectReason; note?: string };
type Props = { item: TVerificationReviewItem; onReveal: () => void; onDecided: (item: TVerificationReviewItem) => void };

/** One submission: masked data, the duplicate flag, the checklist and the decision form (pending only). */
export function ReviewCard({ item, onReveal, onDecided }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const decide = async (values: Values) => {
    setSending(true);
    setError(undefined);
    try {
      const checklist = Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, values.checked.includes(k)])) as Record<
        VerificationChecklistItem,
        boolean
      >;
      onDecided(
        await decideVerification(item.id, {
          outcome: values.outcome,
          checklist,
          ...(values.outcome === 'rejected' && values.reason ? { reason: values.reason } : {}),
          ...(values.note ? { note: values.note } : {}),
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  const imageLabel = (image: TVerificationReviewItem['idFrontImage']) =>
    image.present ? t('verification.review.imagePresent', { type: image.type?.toUpperCase() ?? '' }) : t('verification.review.imageAbsent');

  return (
    <Card
      title={t('verification.review.account', { no: item.accountNo ?? item.accountId })}
      extra={<VerificationStatusTag status={item.status} />}
      data-testid="review-item"
      data-verification-id={item.id}
    >
      {item.possibleDuplicate && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          title={t('verification.review.duplicate')}
          data-testid="review-duplicate"
          className="sb-verification-alert"
        />
      )}
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('verification.fields.fullName')}>
          <FieldViewValue view={item.fullName} />
        </Descriptions.Item>
        <Descriptions.Item label={t('verification.fields.idNumber')}>
          <FieldViewValue view={item.idNumber} />
        </Descriptions.Item>
        <Descriptions.Item label={t('verification.fields.idFrontImage')}>{imageLabel(item.idFrontImage)}</Descriptions.Item>
        <Descriptions.Item label={t('verification.fields.idBackImage')}>{imageLabel(item.idBackImage)}</Descriptions.Item>
      </Descriptions>
      <p className="sb-muted">{t('verification.review.submittedAt', { time: formatDateTime(item.submittedAt, locale) })}</p>
      {item.reason && <p>{t('verification.mine.reason', { reason: t(`verification.reasons.${item.reason}`) })}</p>}
      <Button onClick={onReveal} data-testid="review-reveal">
        {t('verification.review.reveal')}
      </Button>
      {item.status === 'pending' && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ outcome: 'verified', checked: [] }}
          onFinish={(v) => void decide(v)}
          className="sb-review-decision"
        >
          <Form.Item name="checked" label={t('verification.review.checklistTitle')}>
            <Checkbox.Group className="sb-review-checklist" data-testid="review-checklist">
              {VERIFICATION_CHECKLIST.map((k) => (
                <Checkbox key={k} value={k}>
                  {t(`verification.checklist.${k}`)}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="outcome" label={t('verification.review.outcome')}>
            <Radio.Group data-testid="review-outcome">
              <Radio value="verified">{t('verification.review.approve')}</Radio>
              <Radio value="rejected">{t('verification.review.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          {outcome === 'rejected' && (
            <Form.Item
              name="reason"
              label={t('verification.review.reason')}
              rules={[{ required: true, message: t('verification.review.reasonRequired') }]}
            >
              <Select<VerificationRejectReason>
                options={VERIFICATION_REJECT_REASONS.map((r) => ({ value: r, label: t(`verification.reasons.${r}`) }))}
                data-testid="review-reason"
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('verification.review.note')}>
            <Input.TextArea maxLength={200} rows={2} data-testid="review-note" />
          </Form.Item>
          {error !== undefined && <ApiErrorAlert error={error} testId="review-error" className="sb-verification-alert" />}
          <Button type="primary" htmlType="submit" loading={sending} data-testid="review-submit">
            {t('verification.review.submitDecision')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
