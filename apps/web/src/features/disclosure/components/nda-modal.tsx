import { Alert, Button, Checkbox, Collapse, Modal, Skeleton } from 'antd';
import type { TNdaSignature } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { buyerApi } from '../api/disclosure-api.ts';

type Props = { inquiryId: string; onSigned: (signature: TNdaSignature) => void; onClose: () => void };

/**
 * The click-wrap NDA: the full Chinese text (the one signed) with the English reading copy folded below, a tick, and
 * the signature of exactly this text — the version and SHA-256 of the preview go with it, so a text changed in
 * between is refused (NDA_TEXT_CHANGED) and shown again.
 */
export function NdaModal({ inquiryId, onSigned, onClose }: Props) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const preview = useApiQuery((signal) => buyerApi.ndaPreview(inquiryId, signal), `nda-${inquiryId}-${round}`);
  const [ticked, setTicked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const p = preview.data;

  const sign = async () => {
    if (!p) return;
    setBusy(true);
    setError(undefined);
    try {
      onSigned(await buyerApi.signNda(inquiryId, p.version, p.textSha256));
    } catch (failure) {
      setError(failure);
      if (errorCodeOf(failure) === 'NDA_TEXT_CHANGED') {
        setTicked(false);
        setRound((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('disclosure.nda.title')}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('disclosure.cancel')}
        </Button>,
        <Button
          key="sign"
          type="primary"
          disabled={!ticked || !p || p.signed}
          loading={busy}
          onClick={() => void sign()}
          data-testid="nda-sign"
        >
          {t('disclosure.nda.sign')}
        </Button>,
      ]}
    >
      {preview.error !== undefined && <ApiErrorAlert error={preview.error} onRetry={preview.reload} />}
      {!p ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div data-testid="nda-preview" data-version={p.version}>
          <h3 className="sb-nda-title" lang="zh-CN">
            {p.title['zh-CN']}
          </h3>
          <p className="sb-muted">{t('disclosure.nda.version', { version: p.version, months: p.termMonths })}</p>
          <div className="sb-nda-text" lang="zh-CN" tabIndex={0} data-testid="nda-text">
            {p.text['zh-CN']}
          </div>
          <Collapse
            size="small"
            className="sb-nda-english"
            items={[
              {
                key: 'en',
                label: t('disclosure.nda.englishCopy'),
                children: (
                  <div className="sb-nda-text" lang="en">
                    <strong>{p.title.en}</strong>
                    {'\n\n'}
                    {p.text.en}
                  </div>
                ),
              },
            ]}
          />
          <Checkbox
            checked={ticked}
            disabled={p.signed}
            onChange={(e) => setTicked(e.target.checked)}
            data-testid="nda-tick"
            className="sb-nda-tick"
          >
            {t('disclosure.nda.tick', { title: p.title['zh-CN'] })}
          </Checkbox>
          <p className="sb-muted sb-nda-digest">{t('disclosure.nda.digest', { hash: p.textSha256 })}</p>
        </div>
      )}
      {error !== undefined && <ApiErrorAlert error={error} testId="nda-error" />}
      {p?.signed && <Alert type="success" showIcon title={t('disclosure.nda.signed')} />}
    </Modal>
  );
}
