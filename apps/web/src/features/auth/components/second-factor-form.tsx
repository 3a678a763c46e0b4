import { KeyOutlined, LockOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented } from 'antd';
import type { TStepUpRequest } from '@sealbridge/contracts';
import { startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { stepUp, stepUpWebauthnOptions } from '../api/auth-api.ts';

export type ProofMethod = TStepUpRequest['method'];

type Props = {
  /** The methods offered, in this order (the first is preselected). */
  methods: readonly ProofMethod[];
  /** Called after POST /api/auth/step-up succeeded. */
  onVerified: () => void | Promise<void>;
  /** Extra buttons under the form (e.g. cancel, use another account). */
  extra?: ReactNode;
};

const ICONS: Record<ProofMethod, ReactNode> = {
  totp: <MobileOutlined />,
  webauthn: <KeyOutlined />,
  recovery: <SafetyOutlined />,
  password: <LockOutlined />,
};

type Values = { code?: string; password?: string };

/**
 * Proves one factor for this session through POST /api/auth/step-up: a TOTP code, a recovery code, a passkey
 * (options from /api/auth/step-up/webauthn/options, then the browser's ceremony) or, only where offered (an account
 * without factors), the password. Used by the second sign-in step and the step-up dialog. Inputs are cleared after
 * every attempt: a code is single use anyway.
 */
export function SecondFactorForm({ methods, onVerified, extra }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [method, setMethod] = useState<ProofMethod>(methods[0] ?? 'totp');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [passkeyFailed, setPasskeyFailed] = useState(false);

  const prove = async (request: () => Promise<TStepUpRequest>) => {
    setBusy(true);
    setError(undefined);
    setPasskeyFailed(false);
    try {
      await stepUp(await request());
      await onVerified();
    } catch (failure) {
      // A browser-side passkey failure (cancelled, timed out, unsupported) is no server error code.
      if (failure instanceof ApiError) setError(failure);
      else setPasskeyFailed(true);
    } finally {
      form.resetFields();
      setBusy(false);
    }
  };

  const submit = (values: Values) => {
    if (method === 'totp') void prove(async () => ({ method: 'totp', code: (values.code ?? '').replace(/\s+/g, '') }));
    else if (method === 'recovery') void prove(async () => ({ method: 'recovery', code: (values.code ?? '').trim() }));
    else if (method === 'password') void prove(async () => ({ method: 'password', password: values.password ?? '' }));
  };

  const passkey = () =>
    void prove(async () => ({ method: 'webauthn', response: await startAuthentication({ optionsJSON: await stepUpWebauthnOptions() }) }));

  return (
    <div className="sb-proof" data-testid="proof-form">
      {methods.length > 1 && (
        <Segmented<ProofMethod>
          block
          value={method}
          onChange={(next) => {
            setMethod(next);
            setError(undefined);
            setPasskeyFailed(false);
            form.resetFields();
          }}
          options={methods.map((m) => ({
            value: m,
            icon: ICONS[m],
            label: <span data-testid={`proof-method-${m}`}>{t(`security.methods.${m}`)}</span>,
          }))}
          className="sb-proof-methods"
        />
      )}
      {error !== undefined && <ApiErrorAlert error={error} testId="proof-error" className="sb-proof-alert" />}
      {passkeyFailed && (
        <Alert
          type="warning"
          showIcon
          title={t('security.proof.passkeyFailed')}
          className="sb-proof-alert"
          data-testid="proof-passkey-failed"
        />
      )}
      {method === 'webauthn' ? (
        <div className="sb-proof-passkey">
          <p className="sb-muted">{t('security.proof.passkeyHint')}</p>
          <Button type="primary" size="large" block icon={<KeyOutlined />} loading={busy} onClick={passkey} data-testid="proof-passkey">
            {t('security.proof.passkeyButton')}
          </Button>
        </div>
      ) : (
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} size="large">
          {method === 'totp' && (
            <Form.Item
              name="code"
              label={t('security.proof.totpLabel')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('security.proof.totpRequired') }]}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                placeholder={t('security.proof.totpPlaceholder')}
                autoFocus
                data-testid="proof-totp"
              />
            </Form.Item>
          )}
          {method === 'recovery' && (
            <Form.Item
              name="code"
              label={t('security.proof.recoveryLabel')}
              extra={t('security.proof.recoveryHint')}
              rules={[{ required: true, whitespace: true, message: t('security.proof.recoveryRequired') }]}
            >
              <Input
                autoComplete="off"
                spellCheck={false}
                placeholder={t('security.proof.recoveryPlaceholder')}
                autoFocus
                data-testid="proof-recovery"
              />
            </Form.Item>
          )}
          {method === 'password' && (
            <Form.Item
              name="password"
              label={t('security.proof.passwordLabel')}
              extra={t('security.proof.passwordHint')}
              rules={[{ required: true, message: t('security.proof.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" autoFocus data-testid="proof-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="proof-submit">
            {t('security.proof.submit')}
          </Button>
        </Form>
      )}
      {extra && <div className="sb-proof-extra">{extra}</div>}
    </div>
  );
}
