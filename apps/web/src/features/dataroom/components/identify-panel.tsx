import type { TIdentifyResult } from '@sealbridge/contracts';
import { Alert, App, Button, Descriptions, Upload } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { identifyLeak } from '../api/dataroom-api.ts';

/** Leak attribution for the sell side: which rendering a leaked page came from (rooms they manage only). */
export function IdentifyPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TIdentifyResult | null>(null);
  const check = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await identifyLeak(file));
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sb-dr-identify">
      <p className="sb-dr-hint">{t('dataroom.identify.intro')}</p>
      <Upload
        accept="image/jpeg,image/png,application/pdf"
        showUploadList={false}
        beforeUpload={(f) => {
          void check(f);
          return false;
        }}
      >
        <Button icon={<SearchOutlined />} loading={busy} data-testid="identify-upload">
          {t('dataroom.identify.upload')}
        </Button>
      </Upload>
      {result && !result.found && <Alert type="info" title={t('dataroom.identify.notFound', { z: result.syncZ.toFixed(1) })} />}
      {result?.found && (
        <Descriptions bordered size="small" column={1} title={t('dataroom.identify.found')} data-testid="identify-result">
          <Descriptions.Item label={t('dataroom.identify.viewer')}>{result.viewer}</Descriptions.Item>
          <Descriptions.Item label={t('dataroom.identify.document')}>{result.documentTitle}</Descriptions.Item>
          <Descriptions.Item label={t('dataroom.identify.page')}>{result.page}</Descriptions.Item>
          <Descriptions.Item label={t('dataroom.identify.renderedAt')}>
            {result.renderedAt ? formatDateTime(result.renderedAt, currentLocale()) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataroom.identify.kind')}>
            {result.kind ? t(`dataroom.identify.kinds.${result.kind}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('dataroom.identify.code')}>{result.code}</Descriptions.Item>
          <Descriptions.Item label={t('dataroom.identify.strength')}>{result.syncZ.toFixed(1)}</Descriptions.Item>
        </Descriptions>
      )}
      <p className="sb-dr-hint">{t('dataroom.identify.cliHint')}</p>
    </div>
  );
}
