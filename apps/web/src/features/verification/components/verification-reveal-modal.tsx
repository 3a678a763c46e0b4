import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Modal, Select } from 'antd';
import type { TVerificationRevealResponse } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { FieldViewValue } from '../../../shared/ui/field-view-value.tsx';
import { revealVerification } from '../api/verification-api.ts';

type Purpose = 'identity_verification' | 'legal_compliance';
const PURPOSES: readonly Purpose[] = ['identity_verification', 'legal_compliance'];
type Props = { id: string; onClose: () => void };

/**
 * Asks for the purpose, says the access is recorded, then shows name, ID number and both card photos. The photos
 * live only in this modal's state (data: URLs); closing it forgets them.
 */
export function VerificationRevealModal({ id, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ purpose: Purpose }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [shown, setShown] = useState<TVerificationRevealResponse | undefined>(undefined);

  const reveal = async ({ purpose }: { purpose: Purpose }) => {
    setLoading(true);
    setError(undefined);
    try {
      setShown(await revealVerification(id, ['fullName', 'idNumber', 'idFrontImage', 'idBackImage'], purpose));
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  const image = (side: 'idFrontImage' | 'idBackImage') => {
    const view = shown?.fields[side];
    const type = shown?.imageTypes[side];
    if (!view || view.state !== 'revealed' || !type) return view ? <FieldViewValue view={view} /> : null;
    return (
      <img src={`data:image/${type};base64,${view.value}`} alt={t(`verification.fields.${side}`)} data-testid={`review-image-${side}`} />
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('verification.review.revealTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose} data-testid="review-reveal-close">
          {t('verification.review.revealClose')}
        </Button>,
        <Button key="confirm" type="primary" loading={loading} onClick={() => form.submit()} data-testid="review-reveal-confirm">
          {t('verification.review.revealConfirm')}
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        icon={<AuditOutlined />}
        title={t('verification.review.revealNotice')}
        description={t('verification.review.revealNoticeBody')}
      />
      <Form form={form} layout="vertical" initialValues={{ purpose: 'identity_verification' }} onFinish={(v) => void reveal(v)}>
        <Form.Item name="purpose" label={t('verification.review.revealPurpose')} rules={[{ required: true }]}>
          <Select<Purpose>
            options={PURPOSES.map((p) => ({ value: p, label: t(`codes.purposes.${p}`) }))}
            data-testid="review-reveal-purpose"
          />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} testId="review-reveal-error" />}
      {shown && (
        <>
          <Descriptions column={1} size="small">
            {(['fullName', 'idNumber'] as const).map((f) => (
              <Descriptions.Item key={f} label={t(`verification.fields.${f}`)}>
                {shown.fields[f] && <FieldViewValue view={shown.fields[f]} testId={`review-value-${f}`} />}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <div className="sb-review-images">
            {image('idFrontImage')}
            {image('idBackImage')}
          </div>
        </>
      )}
    </Modal>
  );
}
