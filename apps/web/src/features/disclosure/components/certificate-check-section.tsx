import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Skeleton } from 'antd';
import type { TNdaCertificateResult } from '@sealbridge/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../../../shared/api/download.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ndaApi } from '../api/nda-api.ts';

/** Certificates are small; anything far larger is not one (the server's limit is 8 MiB of base64). */
const MAX_PDF_BYTES = 6 * 1024 * 1024;

/** The public NDA certificate check: anyone uploads a PDF and reads, in words, whether this platform issued it. */
export function CertificateCheckSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const key = useApiQuery((signal) => ndaApi.key(signal), 'nda-key');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TNdaCertificateResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(undefined);
    setError(undefined);
    try {
      if (file.size > MAX_PDF_BYTES)
        setResult({ valid: false, reason: 'not_a_certificate', listingCode: null, signedAt: null, templateVersion: null });
      else setResult(await ndaApi.verifyCertificate(await fileToBase64(file)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section id="nda-certificate" className="sb-privacy-section" data-testid="privacy-nda-check">
      <h2>{t('disclosure.certificateCheck.title')}</h2>
      <p>{t('disclosure.certificateCheck.intro')}</p>
      <input
        ref={input}
        type="file"
        accept="application/pdf"
        hidden
        onChange={(e) => void check(e.target.files?.[0])}
        data-testid="nda-check-file"
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="nda-check-choose">
        {busy ? t('disclosure.certificateCheck.checking') : t('disclosure.certificateCheck.choose')}
      </Button>
      {error !== undefined && <ApiErrorAlert error={error} className="sb-check-result" />}
      {result && (
        <Alert
          className="sb-check-result"
          type={result.valid ? 'success' : 'error'}
          showIcon
          title={t(`disclosure.certificateCheck.reasons.${result.reason}`)}
          data-testid="nda-check-result"
          data-valid={String(result.valid)}
          data-reason={result.reason}
          description={
            result.listingCode ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('disclosure.certificateCheck.listing')}>{result.listingCode}</Descriptions.Item>
                {result.signedAt && (
                  <Descriptions.Item label={t('disclosure.certificateCheck.signedAt')}>
                    {formatDateTime(result.signedAt, locale, { seconds: true })}
                  </Descriptions.Item>
                )}
                {result.templateVersion !== null && (
                  <Descriptions.Item label={t('disclosure.certificateCheck.templateVersion')}>{result.templateVersion}</Descriptions.Item>
                )}
              </Descriptions>
            ) : undefined
          }
        />
      )}
      <h3 className="sb-key-title">
        <SafetyCertificateOutlined /> {t('disclosure.certificateCheck.keyTitle')}
      </h3>
      {!key.data ? (
        key.error !== undefined ? (
          <ApiErrorAlert error={key.error} onRetry={key.reload} />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : (
        <Descriptions column={1} size="small" className="sb-key">
          <Descriptions.Item label={t('disclosure.certificateCheck.keyId')}>{key.data.keyId}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.certificateCheck.issuer')}>{key.data.issuer}</Descriptions.Item>
          <Descriptions.Item label="PEM">
            <pre className="sb-key-pem" data-testid="nda-public-key">
              {key.data.publicKeyPem}
            </pre>
          </Descriptions.Item>
        </Descriptions>
      )}
    </section>
  );
}
