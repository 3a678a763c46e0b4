import { ClockCircleOutlined } from '@ant-design/icons';
import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getDataMap } from '../api/privacy-api.ts';
import { DataMapTable } from './data-map-table.tsx';

/** The data map, or an honest "not yet available" while the endpoint answers 404. */
export function DataMapSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useApiQuery((signal) => getDataMap(signal), 'data-map');
  const notYet = query.error instanceof ApiError && query.error.status === 404;

  let body;
  if (query.loading && !query.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (notYet)
    body = (
      <Result
        className="sb-data-map-unavailable"
        data-testid="data-map-unavailable"
        icon={<ClockCircleOutlined />}
        title={t('privacy.dataMap.unavailableTitle')}
        subTitle={t('privacy.dataMap.unavailableBody')}
      />
    );
  else if (query.error) body = <ApiErrorAlert error={query.error} onRetry={query.reload} testId="data-map-error" />;
  else if (query.data)
    body = (
      <>
        <p className="sb-muted">{t('privacy.dataMap.generatedAt', { time: formatDateTime(query.data.generatedAt, locale) })}</p>
        <DataMapTable entries={query.data.entries} />
      </>
    );

  return (
    <section id="data-map" className="sb-privacy-section">
      <h2>{t('privacy.dataMap.title')}</h2>
      <p>{t('privacy.dataMap.intro')}</p>
      {body}
    </section>
  );
}
