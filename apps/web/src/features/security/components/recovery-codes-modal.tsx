import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { recoveryCodesFileName, recoveryCodesText } from '../api/recovery-codes-file.ts';

type Props = { codes: readonly string[]; onDone: () => void };

/**
 * Shows fresh recovery codes this once: copy, download as .txt, and "I have saved them" before closing. The codes
 * live only in the caller's state and are gone when this closes.
 */
export function RecoveryCodesModal({ codes, onDone }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  const [generated] = useState(() => new Date());
  const text = () =>
    recoveryCodesText({
      heading: t('security.recovery.fileHeading'),
      generatedAt: t('security.recovery.fileGenerated', { time: formatDateTime(generated.toISOString(), locale) }),
      note: t('security.recovery.fileNote'),
      codes,
    });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      void message.success(t('security.recovery.copied'));
    } catch {
      void message.warning(t('security.recovery.copyFailed'));
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = recoveryCodesFileName(generated);
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Modal
      open
      title={t('security.recovery.sheetTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" disabled={!saved} onClick={onDone} data-testid="recovery-done">
          {t('security.recovery.done')}
        </Button>
      }
    >
      <div data-testid="recovery-codes">
        <p>{t('security.recovery.sheetIntro')}</p>
        <Alert type="warning" showIcon title={t('security.recovery.sheetWarning')} className="sb-security-alert" />
        <ol className="sb-recovery-grid">
          {codes.map((code) => (
            <li key={code} data-testid="recovery-code">
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <div className="sb-recovery-actions">
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="recovery-copy">
            {t('security.recovery.copy')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={download} data-testid="recovery-download">
            {t('security.recovery.download')}
          </Button>
        </div>
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="recovery-saved">
          {t('security.recovery.acknowledge')}
        </Checkbox>
      </div>
    </Modal>
  );
}
