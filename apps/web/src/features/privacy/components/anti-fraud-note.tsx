import { WarningOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** The one warning every client must see: staff never ask for seals, licence photos or codes in chat. */
export function AntiFraudNote() {
  const { t } = useTranslation();
  return (
    <Alert
      id="anti-fraud"
      className="sb-anti-fraud"
      type="warning"
      showIcon
      icon={<WarningOutlined />}
      title={
        <>
          <strong>{t('privacy.antiFraud.title')}</strong> {t('privacy.antiFraud.body')}
        </>
      }
      description={t('privacy.antiFraud.detail')}
      data-testid="anti-fraud-note"
    />
  );
}
