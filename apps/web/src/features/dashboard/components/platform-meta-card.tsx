import { Card, Descriptions, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { getMeta } from '../api/meta-api.ts';

/** Version, database dialect and data mode of the running platform, from /api/meta. */
export function PlatformMetaCard() {
  const { t } = useTranslation();
  const meta = useApiQuery((signal) => getMeta(signal), 'meta');
  let body;
  if (meta.loading && !meta.data) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (meta.error) body = <ApiErrorAlert error={meta.error} onRetry={meta.reload} testId="meta-error" />;
  else if (meta.data)
    body = (
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'version', label: t('console.metaVersion'), children: <code>{meta.data.version}</code> },
          { key: 'dialect', label: t('console.metaDialect'), children: t(`console.dialects.${meta.data.dialect}`) },
          {
            key: 'mode',
            label: t('console.metaMode'),
            children: meta.data.demo ? <Tag color="orange">{t('console.modeDemo')}</Tag> : <Tag color="green">{t('console.modeLive')}</Tag>,
          },
        ]}
      />
    );
  return (
    <Card title={t('console.metaTitle')} className="sb-meta-card" data-testid="platform-meta">
      {body}
    </Card>
  );
}
