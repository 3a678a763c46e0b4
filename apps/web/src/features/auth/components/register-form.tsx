import { LockOutlined, MailOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Segmented, Space } from 'antd';
import { CUSTOMER_ROLES, PASSWORD_MIN_LENGTH } from '@sealbridge/contracts';
import type { ContactChannel, TAccountResponse, TRegisterCompleteRequest } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error.ts';
import { isAcceptableProfileValue } from '../../../shared/api/profile-field-rules.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { completePasswordReset, completeRegistration, startPasswordReset, startRegistration } from '../api/auth-api.ts';
import { resendDeadline, retryAfterSeconds } from '../api/countdown.ts';
import { PasswordStrength } from './password-strength.tsx';
import { SendCodeButton } from './send-code-button.tsx';

type Values = Omit<TRegisterCompleteRequest, 'channel'>;
/** Registration (signs in), or — with `onReset` — the password reset, which asks the same address-and-code steps. */
type Props = { onRegistered?: (response: TAccountResponse) => void; onReset?: () => void };

/**
 * Customer registration: a mobile number or e-mail address, a one-time code sent there, a password and the roles.
 * The code request answers the same whether or not the address is registered (no enumeration); the server then
 * sends either a code or an "already registered" notice.
 */
export function RegisterForm({ onRegistered, onReset }: Props) {
  const reset = onReset !== undefined;
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [channel, setChannel] = useState<ContactChannel>('mobile');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<{ minutes: number } | undefined>(undefined);
  const [deadline, setDeadline] = useState<number | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const password = Form.useWatch('password', form) ?? '';

  const sendCode = async () => {
    let address: string;
    try {
      address = (await form.validateFields(['address'])).address;
    } catch {
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      const answer = await (reset ? startPasswordReset : startRegistration)({ channel, address });
      setSent({ minutes: Math.max(1, Math.round(answer.expiresInSeconds / 60)) });
      setDeadline(resendDeadline(Date.now(), answer.resendAfterSeconds));
    } catch (failure) {
      setError(failure);
      const wait = failure instanceof ApiError ? retryAfterSeconds(failure.details) : undefined;
      if (wait) setDeadline(resendDeadline(Date.now(), wait));
    } finally {
      setSending(false);
    }
  };

  const submit = async (values: Values) => {
    if (!sent) {
      form.setFields([{ name: 'code', errors: [t('security.register.sendFirst')] }]);
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      if (onReset) {
        await completePasswordReset({ channel, address: values.address, code: values.code, password: values.password });
        onReset();
      } else {
        onRegistered?.(await completeRegistration({ ...values, channel }));
      }
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.code === 'WEAK_PASSWORD') form.setFieldValue('password', '');
      if (failure instanceof ApiError && failure.code === 'INVALID_CODE') form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  const switchChannel = (next: ContactChannel) => {
    setChannel(next);
    setSent(undefined);
    setDeadline(undefined);
    setError(undefined);
    form.setFieldsValue({ address: '', code: '' });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      size="large"
      initialValues={{ roles: [] }}
      onFinish={(v) => void submit(v)}
      data-testid="register-form"
    >
      {error !== undefined && <ApiErrorAlert error={error} testId="register-error" className="sb-login-error" />}
      <Form.Item label={t('security.register.channel')}>
        <Segmented<ContactChannel>
          block
          value={channel}
          onChange={switchChannel}
          options={(['mobile', 'email'] as const).map((c) => ({
            value: c,
            icon: c === 'mobile' ? <MobileOutlined /> : <MailOutlined />,
            label: <span data-testid={`register-channel-${c}`}>{t(`security.register.channels.${c}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="address"
        label={t(`security.register.address.${channel}`)}
        rules={[
          { required: true, whitespace: true, message: t(`security.register.addressRequired.${channel}`) },
          {
            validator: (_, value: string | undefined) =>
              isAcceptableProfileValue(channel, value)
                ? Promise.resolve()
                : Promise.reject(new Error(t(`security.register.addressInvalid.${channel}`))),
          },
        ]}
      >
        <Input
          prefix={channel === 'mobile' ? <MobileOutlined /> : <MailOutlined />}
          placeholder={t(`security.register.addressPlaceholder.${channel}`)}
          autoComplete={channel === 'mobile' ? 'tel' : 'email'}
          inputMode={channel === 'mobile' ? 'tel' : 'email'}
          data-testid="register-address"
        />
      </Form.Item>
      <Form.Item label={t('security.register.code')} required>
        <Space.Compact block>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('security.register.codeRequired') }]}
          >
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder={t('security.register.codePlaceholder')}
              data-testid="register-code"
            />
          </Form.Item>
          <SendCodeButton deadline={deadline} sent={sent !== undefined} loading={sending} onClick={() => void sendCode()} />
        </Space.Compact>
      </Form.Item>
      {sent && (
        <Alert
          type="success"
          showIcon
          title={t('security.register.codeSent', { minutes: sent.minutes })}
          className="sb-register-sent"
          data-testid="register-code-sent"
        />
      )}
      <Form.Item
        name="password"
        label={t('security.register.password')}
        extra={t('security.register.passwordRule', { min: PASSWORD_MIN_LENGTH })}
        rules={[
          { required: true, message: t('security.register.passwordRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('security.register.passwordPlaceholder', { min: PASSWORD_MIN_LENGTH }) },
        ]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t('security.register.passwordPlaceholder', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          data-testid="register-password"
        />
      </Form.Item>
      <PasswordStrength password={password} />
      <Form.Item
        name="roles"
        hidden={reset}
        label={t('security.register.roles')}
        // A checkbox group may not carry aria-required (axe aria-allowed-attr); the rule still refuses none picked.
        required={false}
        rules={reset ? [] : [{ required: true, type: 'array', min: 1, message: t('security.register.rolesRequired') }]}
      >
        <Checkbox.Group
          options={CUSTOMER_ROLES.map((role) => ({
            value: role,
            label: <span data-testid={`register-role-${role}`}>{t(`security.register.roleOptions.${role}`)}</span>,
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid="register-submit">
        {reset ? t('security.reset.submit') : t('security.register.submit')}
      </Button>
      {!reset && <p className="sb-muted sb-register-note">{t('security.register.privacyNote')}</p>}
    </Form>
  );
}
