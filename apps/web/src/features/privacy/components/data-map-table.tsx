import { Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TDataMapEntry } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { isRole } from '../../../shared/i18n/known-codes.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

/**
 * The registry-driven data map. Labels come in both languages from the server; every other column is a code
 * from a closed list in @sealbridge/contracts, translated here (codes.test.ts checks each has a name).
 */
export function DataMapTable({ entries }: { entries: TDataMapEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns: TableColumnsType<TDataMapEntry> = [
    {
      key: 'field',
      title: t('privacy.dataMap.field'),
      fixed: 'start',
      width: 170,
      render: (_, e) => (
        <div className="sb-data-map-field">
          <strong>{e.label[locale]}</strong>
          {e.sensitivity === 'sensitive' && (
            <Tooltip title={t('codes.fieldView.sensitiveHint')}>
              <Tag color="red" variant="filled" data-testid={`data-map-sensitive-${e.key}`}>
                {t('codes.fieldView.sensitiveTag')}
              </Tag>
            </Tooltip>
          )}
          <span className="sb-data-map-kind">
            <span title={t('privacy.dataMap.subjectKind')}>{t(`codes.subjectKinds.${e.subjectKind}`)}</span>
            {' · '}
            <span title={t('privacy.dataMap.category')}>{t(`codes.categories.${e.category}`)}</span>
          </span>
        </div>
      ),
    },
    {
      key: 'purposes',
      title: t('privacy.dataMap.purposes'),
      width: 210,
      render: (_, e) => e.purposes.map((purpose) => <Tag key={purpose}>{t(`codes.purposes.${purpose}`)}</Tag>),
    },
    {
      key: 'legalBasis',
      title: t('privacy.dataMap.legalBasis'),
      width: 180,
      render: (_, e) => (
        <span className={e.legalBasis === 'separate_consent' ? 'sb-data-map-basis is-separate' : 'sb-data-map-basis'}>
          {t(`codes.legalBases.${e.legalBasis}`)}
        </span>
      ),
    },
    { key: 'retention', title: t('privacy.dataMap.retention'), width: 140, render: (_, e) => t(`codes.retention.${e.retention}`) },
    { key: 'masking', title: t('privacy.dataMap.masking'), width: 180, render: (_, e) => t(`codes.masking.${e.masking}`) },
    {
      key: 'blindIndexed',
      title: <Tooltip title={t('privacy.dataMap.blindIndexedHint')}>{t('privacy.dataMap.blindIndexed')}</Tooltip>,
      width: 72,
      render: (_, e) => (e.blindIndexed ? t('common.yes') : t('common.no')),
    },
    {
      key: 'visibleTo',
      title: t('privacy.dataMap.visibleTo'),
      width: 110,
      render: (_, e) =>
        e.visibleTo.length === 0
          ? t('privacy.dataMap.subjectOnly')
          : e.visibleTo.map((role) => <Tag key={role}>{isRole(role) ? t(`roles.${role}`) : role}</Tag>),
    },
  ];
  return (
    <div data-testid="data-map-table">
      <ResponsiveTable<TDataMapEntry>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 1062 }}
        locale={{ emptyText: t('privacy.dataMap.empty') }}
      />
    </div>
  );
}
