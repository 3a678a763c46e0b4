import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal } from 'antd';
import type { ProfileField, Purpose, TFieldView } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';
import { isStepUpCancelled } from '../../security/api/step-up-retry.ts';
import { useStepUp } from '../../security/step-up/step-up-context.ts';
import { revealCustomerFields } from '../api/customers-api.ts';
import { PurposeSelect } from './purpose-select.tsx';

export type RevealTarget = { accountId: string; field: ProfileField };
type Props = { target: RevealTarget; defaultPurpose: Purpose; onClose: () => void };

/**
 * Asks for the purpose of viewing one field of a customer (preselected with the lookup's purpose), says that the
 * access is recorded and visible to the customer, and shows the value. Closing forgets the value.
 */
export function RevealModal({ target, defaultPurpose, onClose }: Props) {
  const { t } = useTranslation();
  const withStepUp = useStepUp();
  const [form] = Form.useForm<{ purpose: Purpose }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [view, setView] = useState<TFieldView | undefined>(undefined);
  const label = t(`codes.profileFields.${target.field}`);

  const reveal = async ({ purpose }: { purpose: Purpose }) => {
    setLoading(true);
    setError(undefined);
    setView(undefined);
    try {
      // A staff reveal needs a recent re-authentication; the step-up dialog opens over this one when asked.
      const answer = await withStepUp(() => revealCustomerFields(target.accountId, [target.field], purpose));
      setView(answer.fields[target.field]);
    } catch (failure) {
      if (!isStepUpCancelled(failure)) setError(failure);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open
      title={t('customers.reveal.title', { field: label })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="reveal-close">
          {t('customers.reveal.close')}
        </Button>,
        <Button key="confirm" type="primary" loading={loading} onClick={() => form.submit()} data-testid="reveal-confirm">
          {t('customers.reveal.confirm')}
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        icon={<AuditOutlined />}
        title={t('customers.reveal.notice')}
        description={t('customers.reveal.noticeBody')}
        className="sb-reveal-notice"
        data-testid="reveal-notice"
      />
      <Form form={form} layout="vertical" initialValues={{ purpose: defaultPurpose }} onFinish={(v) => void reveal(v)}>
        <Form.Item
          name="purpose"
          label={t('customers.reveal.purpose')}
          rules={[{ required: true, message: t('customers.reveal.purposeRequired') }]}
        >
          <PurposeSelect testId="reveal-purpose" />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} testId="reveal-error" />}
      {view && (
        <div className="sb-reveal-value">
          <span className="sb-muted">{t('customers.reveal.value')}</span>
          <span data-testid={`reveal-value-${target.field}`} data-state={view.state}>
            <FieldViewValue view={view} />
          </span>
        </div>
      )}
    </Modal>
  );
}
