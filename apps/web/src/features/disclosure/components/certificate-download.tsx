import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { downloadFile } from '../../../shared/api/download.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { certificatePath } from '../api/disclosure-api.ts';

/** Downloads the NDA certificate PDF of a signature (buyer, seller, or the listing's adviser). */
export function CertificateDownload({ signatureId, code, size }: { signatureId: string; code: string; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(certificatePath(signatureId), `NDA-${code}.pdf`);
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} size={size} loading={busy} onClick={() => void download()} data-testid="nda-certificate">
      {t('disclosure.certificate')}
    </Button>
  );
}
