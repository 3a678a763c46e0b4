import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space } from 'antd';
import type { TBuyerInquiry } from '@sealbridge/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKind, fileToBase64 } from '../../../shared/api/download.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { buyerApi } from '../api/disclosure-api.ts';

/** The server's limit on a proof of funds (3 MiB of bytes). */
export const PROOF_MAX_BYTES = 3 * 1024 * 1024;

type Props = { inquiryId: string; onUploaded: (inquiry: TBuyerInquiry) => void };

/**
 * Proof of funds: the PIPL Art. 30 notice for sensitive data first, then a PDF/JPEG/PNG (checked by its first bytes
 * and size before sending, and again by the server) sent with upload progress. The file is read only when sent.
 */
export function ProofUpload({ inquiryId, onUploaded }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<'idle' | 'reading' | 'uploading'>('idle');
  const [percent, setPercent] = useState(0);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setInvalid(false);
    setError(undefined);
    const mediaType = await documentKind(file);
    if (!mediaType || file.size > PROOF_MAX_BYTES) {
      setInvalid(true);
      return;
    }
    try {
      setStage('reading');
      const contentBase64 = await fileToBase64(file);
      setStage('uploading');
      setPercent(0);
      onUploaded(await buyerApi.uploadProof(inquiryId, { mediaType, contentBase64 }, (f) => setPercent(Math.round(f * 100))));
    } catch (failure) {
      setError(failure);
    } finally {
      setStage('idle');
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="sb-proof-upload" data-testid="proof-upload">
      <Alert
        type="warning"
        showIcon
        title={t('disclosure.proof.title')}
        description={t('disclosure.proof.notice')}
        data-testid="proof-notice"
      />
      <Space wrap align="center" className="sb-proof-actions">
        <input
          ref={input}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          hidden
          onChange={(e) => void send(e.target.files?.[0])}
          data-testid="proof-file"
        />
        <Button icon={<UploadOutlined />} loading={stage !== 'idle'} onClick={() => input.current?.click()} data-testid="proof-choose">
          {t('disclosure.proof.choose')}
        </Button>
        <span className="sb-muted">{t('disclosure.proof.rules')}</span>
      </Space>
      {stage === 'reading' && <p className="sb-muted">{t('disclosure.proof.reading')}</p>}
      {stage === 'uploading' && (
        <div aria-live="polite">
          <span className="sb-muted">{t('disclosure.proof.uploading')}</span>
          <Progress percent={percent} size="small" data-testid="proof-progress" />
        </div>
      )}
      {invalid && <Alert type="error" showIcon title={t('disclosure.proof.invalid')} data-testid="proof-invalid" />}
      {error !== undefined && <ApiErrorAlert error={error} testId="proof-error" />}
    </div>
  );
}
