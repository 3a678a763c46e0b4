import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import type { TDataMapEntry } from '../api/privacy-api.ts';

/**
 * The registry-driven data map. Labels come in both languages from the server; subject kind and sensitivity
 * are codes translated here; purposes, basis, retention and masking are shown as the registry words them.
 */
export function DataMapTable({ entries }: { entries: TDataMapEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns: TableColumnsType<TDataMapEntry> = [
    { key: 'field', title: t('privacy.dataMap.field'), fixed: 'start', width: 160, render: (_, e) => <strong>{e.label[locale]}</strong> },
    { key: 'subject', title: t('privacy.dataMap.subjectKind'), width: 120, render: (_, e) => t(`privacy.dataMap.subjectKinds.${e.subjectKind}`) },
    { key: 'category', title: t('privacy.dataMap.category'), dataIndex: 'category', width: 120 },
    {
      key: 'sensitivity',
      title: t('privacy.dataMap.sensitivity'),
      width: 130,
      render: (_, e) => (
        <Tag color={e.sensitivity === 'sensitive' ? 'red' : 'default'}>{t(`privacy.dataMap.sensitivities.${e.sensitivity}`)}</Tag>
      ),
    },
    {
      key: 'purposes',
      title: t('privacy.dataMap.purposes'),
      width: 200,
      render: (_, e) => e.purposes.map((purpose) => <Tag key={purpose}>{purpose}</Tag>),
    },
    { key: 'legalBasis', title: t('privacy.dataMap.legalBasis'), dataIndex: 'legalBasis', width: 140 },
    { key: 'retention', title: t('privacy.dataMap.retention'), dataIndex: 'retention', width: 140 },
    { key: 'masking', title: t('privacy.dataMap.masking'), dataIndex: 'masking', width: 120 },
    {
      key: 'blindIndexed',
      title: t('privacy.dataMap.blindIndexed'),
      width: 90,
      render: (_, e) => (e.blindIndexed ? t('common.yes') : t('common.no')),
    },
  ];
  return (
    <div data-testid="data-map-table">
      <Table<TDataMapEntry>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 1240 }}
        locale={{ emptyText: t('privacy.dataMap.empty') }}
      />
    </div>
  );
}
