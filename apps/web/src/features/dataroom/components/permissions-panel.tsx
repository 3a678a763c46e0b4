import { DATAROOM_LEVELS } from '@sealbridge/contracts';
import type { DataroomLevel, TDataroom, TPermissionMatrix } from '@sealbridge/contracts';
import { App, Empty, Select, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/api-error.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { dataroomApi } from '../api/dataroom-api.ts';

type Row = { key: string; type: 'document' | 'folder'; id: string; label: string; released: boolean };

/** The matrix: documents (and folders) × L2 grants, each cell a level. Revoking is setting "not visible". */
export function PermissionsPanel({ room }: { room: TDataroom }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useApiQuery((signal) => dataroomApi.matrix(room.listingId, signal), `matrix-${room.listingId}`);
  const [matrix, setMatrix] = useState<TPermissionMatrix | undefined>(undefined);
  const data = matrix ?? query.data;
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!data) return <Skeleton active />;
  if (data.grants.length === 0) return <Empty description={t('dataroom.matrix.noGrants')} data-testid="matrix-no-grants" />;
  const level = (grantId: string, documentId: string): DataroomLevel =>
    data.cells.find((c) => c.grantId === grantId && c.documentId === documentId)?.level ?? 'none';
  const set = async (grantId: string, target: { type: 'document' | 'folder'; id: string }, value: DataroomLevel) => {
    try {
      setMatrix(await dataroomApi.setLevel(room.listingId, grantId, target, value));
      void message.success(t('dataroom.matrix.saved'));
    } catch (error) {
      void message.error(errorText(error, currentLocale()));
    }
  };
  const rows: Row[] = [
    ...room.folders.map((f) => ({
      key: `f-${f.id}`,
      type: 'folder' as const,
      id: f.id,
      label: t('dataroom.matrix.folder', { name: f.name }),
      released: true,
    })),
    ...data.documents.map((d) => ({ key: d.id, type: 'document' as const, id: d.id, label: d.title, released: d.released })),
  ];
  const options = DATAROOM_LEVELS.map((l) => ({ value: l, label: t(`dataroom.levels.${l}`) }));
  return (
    <div>
      <h3>{t('dataroom.matrix.title')}</h3>
      <p className="sb-dr-hint">{t('dataroom.matrix.intro')}</p>
      {room.folders.length > 0 && <p className="sb-dr-hint">{t('dataroom.matrix.folderHint')}</p>}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        data-testid="permission-matrix"
        columns={[
          {
            title: t('dataroom.matrix.document'),
            dataIndex: 'label',
            fixed: 'left',
            render: (label: string, row) => (
              <span className={row.type === 'folder' ? 'sb-dr-folder-row' : undefined}>
                {label} {!row.released && <Tag>{t('dataroom.matrix.unreleased')}</Tag>}
              </span>
            ),
          },
          ...data.grants.map((g) => ({
            key: g.grantId,
            title: (
              <div className="sb-dr-grant-head">
                <strong>{g.buyerAlias}</strong>
                <Tag color={g.active ? 'green' : 'default'}>{t(`dataroom.matrix.grantState.${g.state}`)}</Tag>
                {g.expiresAt && <small>{formatDateTime(g.expiresAt, currentLocale())}</small>}
              </div>
            ),
            render: (_: unknown, row: Row) =>
              row.type === 'folder' ? (
                <Select<DataroomLevel>
                  size="small"
                  placeholder="…"
                  style={{ minWidth: 130 }}
                  options={options}
                  value={null as unknown as DataroomLevel}
                  onChange={(v) => void set(g.grantId, { type: 'folder', id: row.id }, v)}
                />
              ) : (
                <Select<DataroomLevel>
                  size="small"
                  style={{ minWidth: 130 }}
                  options={options}
                  value={level(g.grantId, row.id)}
                  disabled={!g.active && level(g.grantId, row.id) === 'none'}
                  onChange={(v) => void set(g.grantId, { type: 'document', id: row.id }, v)}
                  data-testid={`level-${g.buyerAlias}-${row.id}`}
                />
              ),
          })),
        ]}
      />
    </div>
  );
}
