import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { login } from '../api/auth-api.ts';
import type { TAccountResponse, TLoginRequest } from '@sealbridge/contracts';

type Props = { onSignedIn: (response: TAccountResponse) => void };

/** Sign-in form. Empty fields are caught here; everything else is the server's verdict, translated by code. */
export function LoginForm({ onSignedIn }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TLoginRequest>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (values: TLoginRequest) => {
    setSubmitting(true);
    setError(undefined);
    try {
      onSignedIn(await login(values));
    } catch (failure) {
      setError(failure);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<TLoginRequest> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} size="large">
      {error !== undefined && <ApiErrorAlert error={error} testId="login-error" className="sb-login-error" />}
      <Form.Item
        name="loginName"
        label={t('auth.loginName')}
        rules={[{ required: true, whitespace: true, message: t('auth.loginNameRequired') }]}
      >
        <Input prefix={<UserOutlined />} placeholder={t('auth.loginNamePlaceholder')} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} placeholder={t('auth.passwordPlaceholder')} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
        {t('auth.submit')}
      </Button>
      <Alert className="sb-login-note" type="info" showIcon title={t('auth.securityNote')} />
    </Form>
  );
}
