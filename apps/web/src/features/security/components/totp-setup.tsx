import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, QRCode, Skeleton } from 'antd';
import type { TEnrolledFactorResponse, TStartTotpResponse } from '@sealbridge/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { confirmTotp, startTotp } from '../api/factors-api.ts';
import { groupSecret } from '../api/otpauth.ts';
import { isStepUpCancelled } from '../api/step-up-retry.ts';
import { useStepUp } from '../step-up/step-up-context.ts';

type Props = { onEnrolled: (result: TEnrolledFactorResponse) => void; onCancel: () => void };

/**
 * Adds an authenticator app: starts the enrolment (behind a step-up), shows the otpauth URI as a QR code and the
 * secret for typing by hand — both only in this component's state, shown this once — and confirms with a first code.
 */
export function TotpSetup({ onEnrolled, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const [form] = Form.useForm<{ code: string }>();
  const [started, setStarted] = useState<TStartTotpResponse | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [confirming, setConfirming] = useState(false);
  const once = useRef(false);

  useEffect(() => {
    if (once.current) return;
    once.current = true;
    withStepUp(() => startTotp()).then(setStarted, (failure: unknown) => {
      if (isStepUpCancelled(failure)) onCancel();
      else setError(failure);
    });
  }, [withStepUp, onCancel]);

  const confirm = async ({ code }: { code: string }) => {
    if (!started) return;
    setConfirming(true);
    setError(undefined);
    try {
      onEnrolled(await confirmTotp(started.factorId, code.replace(/\s+/g, '')));
    } catch (failure) {
      setError(failure);
      form.setFieldValue('code', '');
    } finally {
      setConfirming(false);
    }
  };

  const copySecret = async () => {
    if (!started) return;
    try {
      await navigator.clipboard.writeText(started.secret);
      void message.success(t('security.recovery.copied'));
    } catch {
      void message.warning(t('security.recovery.copyFailed'));
    }
  };

  return (
    <Card title={t('security.totp.title')} className="sb-security-card" data-testid="totp-setup">
      {error !== undefined && <ApiErrorAlert error={error} testId="totp-error" className="sb-security-alert" />}
      {!started ? (
        error === undefined ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <Button onClick={onCancel}>{t('security.totp.cancel')}</Button>
        )
      ) : (
        <div className="sb-totp">
          <div className="sb-totp-qr">
            <p>{t('security.totp.scan')}</p>
            <QRCode
              value={started.otpauthUri}
              size={184}
              bordered
              errorLevel="M"
              aria-label={t('security.totp.qrLabel')}
              data-testid="totp-qr"
            />
          </div>
          <div className="sb-totp-steps">
            <p className="sb-muted">{t('security.totp.manual')}</p>
            <div className="sb-totp-secret">
              <code data-testid="totp-secret" data-secret={started.secret}>
                {groupSecret(started.secret)}
              </code>
              <Button size="small" icon={<CopyOutlined />} onClick={() => void copySecret()} aria-label={t('security.totp.copySecret')} />
            </div>
            <p className="sb-muted sb-totp-once">
              {t('security.totp.onceNote')} {t('security.totp.expiresAt', { time: formatDateTime(started.expiresAt, locale) })}
            </p>
            <p>{t('security.totp.enterCode')}</p>
            <Form form={form} layout="inline" onFinish={(v) => void confirm(v)} requiredMark={false}>
              <Form.Item name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('security.proof.totpRequired') }]}>
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  placeholder={t('security.proof.totpPlaceholder')}
                  autoFocus
                  data-testid="totp-code"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={confirming} data-testid="totp-confirm">
                {t('security.totp.confirm')}
              </Button>
              <Button type="text" onClick={onCancel}>
                {t('security.totp.cancel')}
              </Button>
            </Form>
          </div>
        </div>
      )}
    </Card>
  );
}
