import '../account.css';
import { ArrowLeftOutlined, DownloadOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../../shared/api/api-error.ts';
import { downloadFile } from '../../../shared/api/download.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ButtonLink } from '../../../shared/ui/button-link.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import { getMyReceipt, verifyReceipt } from '../../privacy/api/consent-api.ts';
import { useSession } from '../../auth/session/session-context.ts';
import { CustomerGate } from '../components/customer-gate.tsx';

function Receipt({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const { message } = App.useApp();
  const query = useApiQuery((s) => getMyReceipt(id, s), `receipt-${id}`);
  const [valid, setValid] = useState<boolean | undefined>(undefined);
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Skeleton active />;
  const signed = query.data;
  const r = signed.receipt;
  const download = () => {
    const blob = new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `consent-receipt-${r.receiptId}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const pdf = () =>
    void downloadFile(`/api/me/consents/receipts/${encodeURIComponent(r.receiptId)}/receipt.pdf`, 'sealbridge-consent-receipt.pdf').catch(
      (error: unknown) => void message.error(errorText(error, locale)),
    );
  return (
    <Card data-testid="receipt">
      {/* In words first: what was decided, for what and which data, when. The identifiers follow, folded, for checking. */}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('consent.receipt.purpose')}>
          {t(`codes.purposes.${r.purpose}` as 'codes.purposes.account_service')}
        </Descriptions.Item>
        <Descriptions.Item label={t('consent.receipt.decision')}>
          <strong data-testid="receipt-decision">{t(`consent.decisions.${r.decision}`)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('consent.receipt.kind')}>{t(`consent.kinds.${r.kind}`)}</Descriptions.Item>
        {r.recipient ? <Descriptions.Item label={t('consent.receipt.recipient')}>{r.recipient}</Descriptions.Item> : null}
        <Descriptions.Item label={t('consent.receipt.categories')}>
          {r.categories.map((c) => t(`codes.categories.${c}` as 'codes.categories.identity')).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('consent.receipt.at')}>{formatDateTime(r.at, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('consent.receipt.subject')}>
          {/* The customer by their number (C-100001), not the account's internal id the signature covers. */}
          {session.account && session.account.id === r.subject ? session.account.displayName : r.subject}
        </Descriptions.Item>
      </Descriptions>
      <Collapse
        className="sb-receipt-technical"
        size="small"
        items={[
          {
            key: 'technical',
            label: t('consent.receipt.technical'),
            children: (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('consent.receipt.id')}>{r.receiptId}</Descriptions.Item>
                <Descriptions.Item label={t('consent.receipt.channel')}>{r.channel}</Descriptions.Item>
                <Descriptions.Item label={t('consent.receipt.noticeVersion')}>{r.noticeVersion}</Descriptions.Item>
                <Descriptions.Item label={t('consent.receipt.purposeVersion')}>{r.purposeVersion}</Descriptions.Item>
                <Descriptions.Item label={t('consent.receipt.uiTextHash')}>
                  <code className="sb-break">{r.uiTextHash}</code>
                </Descriptions.Item>
                <Descriptions.Item label={t('consent.receipt.keyId')}>
                  <code className="sb-break">{`${r.issuer} · ${r.keyId}`}</code>
                </Descriptions.Item>
                <Descriptions.Item label={t('consent.receipt.signature')}>
                  <code className="sb-break">{signed.signature}</code>
                </Descriptions.Item>
              </Descriptions>
            ),
          },
        ]}
      />
      <Space className="sb-receipt-actions" wrap>
        <Button type="primary" icon={<FilePdfOutlined />} onClick={pdf} data-testid="receipt-pdf">
          {t('consent.receipt.downloadPdf')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download} data-testid="receipt-download">
          {t('consent.receipt.downloadJson')}
        </Button>
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => void verifyReceipt(signed).then((v) => setValid(v.valid))}
          data-testid="receipt-verify"
        >
          {t('consent.receipt.verify')}
        </Button>
      </Space>
      {valid === undefined ? null : (
        <Alert
          type={valid ? 'success' : 'error'}
          showIcon
          title={valid ? t('consent.receipt.valid') : t('consent.receipt.invalid')}
          data-testid="receipt-verdict"
        />
      )}
      <p className="sb-muted">{t('consent.receipt.offline')}</p>
    </Card>
  );
}

/** `/account/privacy/receipts/:id` — a readable, downloadable, verifiable consent receipt. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle('receipt');
  return (
    <div className="sb-container sb-page" data-testid="receipt-page">
      <header className="sb-page-header">
        <ButtonLink type="link" to="/account/privacy" icon={<ArrowLeftOutlined />}>
          {t('consent.receipt.back')}
        </ButtonLink>
        <h1>{t('consent.receipt.title')}</h1>
        <p>{t('consent.receipt.intro')}</p>
      </header>
      <CustomerGate path={`/account/privacy/receipts/${id}`} errorTestId="receipt-error">
        <Receipt id={id} />
      </CustomerGate>
    </div>
  );
}
