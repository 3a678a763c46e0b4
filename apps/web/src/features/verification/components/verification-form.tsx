import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { ageFromIdNumber, isValidIdNumber } from '@sealbridge/cn-identifiers';
import { CURRENT_SENSITIVE_CONSENT_STATEMENT, ID_IMAGE_MAX_BYTES, SENSITIVE_CONSENT_STATEMENTS } from '@sealbridge/contracts';
import type { TMyVerificationResponse } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { fileToBase64, imageKind, statementHash, submitMyVerification } from '../api/verification-api.ts';

type Values = { fullName: string; idNumber: string; front: UploadFile[]; back: UploadFile[]; consent: boolean };
type Props = { onSubmitted: (status: TMyVerificationResponse) => void };

const ADULT_AGE = 18;

/**
 * Name, ID number (checked with the GB 11643 check digit and the age rule before sending), both sides of the ID
 * card (JPEG/PNG by their first bytes, ≤ 2 MB) and the separate consent to the statement shown. The statement's
 * hash goes with the submission, so the record says which text was agreed to. Nothing is kept after sending.
 */
export function VerificationForm({ onSubmitted }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const statement = SENSITIVE_CONSENT_STATEMENTS[CURRENT_SENSITIVE_CONSENT_STATEMENT][locale];

  const imageRule = {
    validator: async (_: unknown, files: UploadFile[] | undefined) => {
      const file = files?.[0]?.originFileObj;
      if (!file) throw new Error(t('verification.mine.imageRequired'));
      if (file.size > ID_IMAGE_MAX_BYTES || (await imageKind(file)) === null) throw new Error(t('verification.mine.imageInvalid'));
    },
  };

  const submit = async (values: Values) => {
    setSending(true);
    setError(undefined);
    try {
      const front = values.front[0]?.originFileObj;
      const back = values.back[0]?.originFileObj;
      if (!front || !back) return;
      const answer = await submitMyVerification({
        fullName: values.fullName,
        idNumber: values.idNumber,
        idFrontImage: await fileToBase64(front),
        idBackImage: await fileToBase64(back),
        consent: { given: true, statement: CURRENT_SENSITIVE_CONSENT_STATEMENT, textHash: await statementHash(statement) },
      });
      form.resetFields();
      onSubmitted(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  const upload = (name: 'front' | 'back', label: string) => (
    <Form.Item
      name={name}
      label={label}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
      rules={[imageRule]}
      extra={t('verification.mine.imageHint')}
    >
      <Upload accept="image/jpeg,image/png" maxCount={1} beforeUpload={() => false} listType="picture" data-testid={`verification-${name}`}>
        <Button icon={<UploadOutlined />}>{t('verification.mine.choose')}</Button>
      </Upload>
    </Form.Item>
  );

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="verification-form" requiredMark>
      <Form.Item
        name="fullName"
        label={t('verification.mine.fullName')}
        rules={[{ required: true, whitespace: true, message: t('verification.mine.fullNameRequired') }]}
      >
        <Input maxLength={50} autoComplete="off" data-testid="verification-full-name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('verification.mine.idNumber')}
        rules={[
          { required: true, message: t('verification.mine.idNumberRequired') },
          {
            validator: async (_: unknown, value: string | undefined) => {
              if (!value) return;
              if (!isValidIdNumber(value)) throw new Error(t('verification.mine.idNumberInvalid'));
              const age = ageFromIdNumber(value, new Date());
              if (age !== null && age < ADULT_AGE) throw new Error(t('verification.mine.underageHint'));
            },
          },
        ]}
      >
        <Input maxLength={24} autoComplete="off" data-testid="verification-id-number" />
      </Form.Item>
      {upload('front', t('verification.mine.frontImage'))}
      {upload('back', t('verification.mine.backImage'))}
      <Alert
        type="info"
        title={t('verification.mine.consentTitle')}
        description={<p data-testid="verification-consent-statement">{statement}</p>}
        className="sb-verification-consent"
      />
      <Form.Item
        name="consent"
        valuePropName="checked"
        rules={[
          {
            validator: async (_: unknown, checked: boolean | undefined) => {
              if (!checked) throw new Error(t('verification.mine.consentRequired'));
            },
          },
        ]}
      >
        <Checkbox data-testid="verification-consent">{t('verification.mine.consentCheckbox')}</Checkbox>
      </Form.Item>
      {error !== undefined && <ApiErrorAlert error={error} testId="verification-error" className="sb-verification-alert" />}
      <Button type="primary" htmlType="submit" loading={sending} data-testid="verification-submit">
        {t('verification.mine.submit')}
      </Button>
    </Form>
  );
}
