import { DeleteOutlined, KeyOutlined, MobileOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Popconfirm, Skeleton, Space, Tag } from 'antd';
import type { TEnrolledFactorResponse, TFactor } from '@sealbridge/contracts';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import {
  listFactors,
  passkeyRegistrationOptions,
  regenerateRecoveryCodes,
  removeFactor,
  verifyPasskeyRegistration,
} from '../api/factors-api.ts';
import { isStepUpCancelled } from '../api/step-up-retry.ts';
import { useStepUp } from '../step-up/step-up-context.ts';
import { RecoveryCodesModal } from './recovery-codes-modal.tsx';
import { TotpSetup } from './totp-setup.tsx';
import { ItemMeta } from '../../../shared/ui/item-meta.tsx';

type Props = {
  /** Called after a factor was added and its recovery codes (if any) were acknowledged. */
  onFactorAdded?: (result: TEnrolledFactorResponse) => void;
  /** Only the adding part (forced enrolment): no removal, no recovery-code card. */
  enrolOnly?: boolean;
};

function FactorRow({ factor, onRemove, removing }: { factor: TFactor; onRemove?: () => void; removing: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <List.Item
      data-testid="factor-row"
      data-kind={factor.kind}
      actions={
        onRemove
          ? [
              <Popconfirm key="remove" title={t('security.factors.removeConfirm')} onConfirm={onRemove} okButtonProps={{ danger: true }}>
                <Button danger type="text" icon={<DeleteOutlined />} loading={removing} data-testid="factor-remove">
                  {t('security.factors.remove')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <ItemMeta
        avatar={factor.kind === 'totp' ? <MobileOutlined className="sb-factor-icon" /> : <KeyOutlined className="sb-factor-icon" />}
        title={
          <Space size={6} wrap>
            {t(`security.factors.kinds.${factor.kind}`)}
            {factor.kind === 'webauthn' && factor.backedUp !== null && (
              <Tag variant="filled">{factor.backedUp ? t('security.factors.synced') : t('security.factors.deviceBound')}</Tag>
            )}
          </Space>
        }
        description={
          <Space size={12} wrap className="sb-muted">
            <span>{t('security.factors.createdAt', { time: formatDateTime(factor.createdAt, locale) })}</span>
            <span>
              {factor.lastUsedAt
                ? t('security.factors.lastUsedAt', { time: formatDateTime(factor.lastUsedAt, locale) })
                : t('security.factors.neverUsed')}
            </span>
          </Space>
        }
      />
    </List.Item>
  );
}

/**
 * My second factors: list, add an authenticator app or a passkey, remove one, and renew the recovery codes. Every
 * sensitive call runs through `withStepUp`, which asks for a fresh confirmation when the server wants one.
 */
export function FactorsPanel({ onFactorAdded, enrolOnly = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const query = useApiQuery((signal) => listFactors(signal), 'my-factors');
  const [adding, setAdding] = useState<'totp' | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [passkeyFailed, setPasskeyFailed] = useState(false);
  const [codes, setCodes] = useState<{ codes: string[]; after?: TEnrolledFactorResponse } | undefined>(undefined);
  const data = query.data;

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    setError(undefined);
    setPasskeyFailed(false);
    try {
      await work();
    } catch (failure) {
      if (isStepUpCancelled(failure)) return;
      if (key === 'passkey' && !(failure instanceof ApiError)) setPasskeyFailed(true);
      else setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const added = (result: TEnrolledFactorResponse) => {
    setAdding(undefined);
    query.reload();
    void message.success(t('security.factors.added'));
    if (result.recoveryCodes && result.recoveryCodes.length > 0) setCodes({ codes: result.recoveryCodes, after: result });
    else onFactorAdded?.(result);
  };

  const addPasskey = () =>
    run('passkey', async () => {
      const options = await withStepUp(() => passkeyRegistrationOptions());
      const response = await startRegistration({ optionsJSON: options });
      added(await verifyPasskeyRegistration(response));
    });

  const remove = (id: string) =>
    run(`remove:${id}`, async () => {
      await withStepUp(() => removeFactor(id));
      void message.success(t('security.factors.removed'));
      query.reload();
    });

  const regenerate = () =>
    run('regenerate', async () => {
      const fresh = await withStepUp(() => regenerateRecoveryCodes());
      setCodes({ codes: fresh.codes });
      query.reload();
    });

  const closeCodes = () => {
    const after = codes?.after;
    setCodes(undefined);
    if (after) onFactorAdded?.(after);
  };

  if (!data) {
    if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} testId="factors-error" />;
    return <Skeleton active paragraph={{ rows: 5 }} />;
  }

  const required = data.requirement === 'required';
  const passkeys = browserSupportsWebAuthn();
  return (
    <div className="sb-security-stack" data-testid="factors-panel">
      <Card
        title={t('security.factors.title')}
        className="sb-security-card"
        extra={
          <Tag color={required ? 'red' : 'blue'} data-testid="factors-requirement" data-requirement={data.requirement}>
            {t(`security.factors.requirement.${data.requirement}`)}
          </Tag>
        }
      >
        <p className="sb-muted">{required ? t('security.factors.requiredNote') : t('security.factors.optionalNote')}</p>
        {error !== undefined && <ApiErrorAlert error={error} testId="factors-action-error" className="sb-security-alert" />}
        {passkeyFailed && <Alert type="warning" showIcon title={t('security.proof.passkeyFailed')} className="sb-security-alert" />}
        {data.factors.length === 0 ? (
          <p data-testid="factors-empty">{t('security.factors.empty')}</p>
        ) : (
          <List
            dataSource={data.factors}
            rowKey="id"
            renderItem={(factor) => (
              <FactorRow
                factor={factor}
                removing={busy === `remove:${factor.id}`}
                onRemove={enrolOnly ? undefined : () => void remove(factor.id)}
              />
            )}
          />
        )}
        <Space wrap className="sb-factor-add">
          <Button icon={<PlusOutlined />} onClick={() => setAdding('totp')} disabled={adding !== undefined} data-testid="factor-add-totp">
            {t('security.factors.addTotp')}
          </Button>
          <Button
            icon={<KeyOutlined />}
            onClick={() => void addPasskey()}
            loading={busy === 'passkey'}
            disabled={!passkeys}
            title={passkeys ? undefined : t('security.factors.passkeyUnsupported')}
            data-testid="factor-add-passkey"
          >
            {t('security.factors.addPasskey')}
          </Button>
        </Space>
      </Card>
      {adding === 'totp' && <TotpSetup onEnrolled={added} onCancel={() => setAdding(undefined)} />}
      {!enrolOnly && (
        <Card
          title={t('security.recovery.title')}
          className="sb-security-card"
          extra={
            data.factors.length > 0 ? (
              <Popconfirm title={t('security.recovery.regenerateConfirm')} onConfirm={() => void regenerate()}>
                <Button icon={<ReloadOutlined />} loading={busy === 'regenerate'} data-testid="recovery-regenerate">
                  {t('security.recovery.regenerate')}
                </Button>
              </Popconfirm>
            ) : undefined
          }
        >
          {data.factors.length === 0 ? (
            <p className="sb-muted">{t('security.recovery.none')}</p>
          ) : (
            <>
              <p data-testid="recovery-remaining" data-count={data.recoveryCodesRemaining}>
                {t('security.recovery.remaining', { count: data.recoveryCodesRemaining })}
              </p>
              {data.recoveryCodesRemaining <= 3 && <Alert type="warning" showIcon title={t('security.recovery.lowWarning')} />}
            </>
          )}
        </Card>
      )}
      {codes && <RecoveryCodesModal codes={codes.codes} onDone={closeCodes} />}
    </div>
  );
}
