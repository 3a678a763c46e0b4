import { Card, Empty, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useSyncExternalStore } from 'react';

const PHONE = '(max-width: 767px)';

/** True below the tablet breakpoint, known on the first render (no table-then-cards layout shift). */
export function usePhone(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => window.matchMedia(PHONE).matches,
  );
}

function valueAt(record: object, dataIndex: ColumnType<object>['dataIndex']): unknown {
  const path = Array.isArray(dataIndex) ? dataIndex : dataIndex === undefined ? [] : [dataIndex];
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[String(key)], record);
}

/**
 * antd's Table on wide screens; on phones one card per row with each column's title beside its value, so a
 * table never makes the page (or itself) scroll sideways. Takes the Table's own props (columns with render).
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { 'data-testid'?: string }) {
  const phone = usePhone();
  if (!phone) return <Table<T> {...props} />;
  const columns = (props.columns ?? []) as ColumnType<T>[];
  const rows = props.dataSource ?? [];
  const keyOf = (record: T, index: number): Key =>
    typeof props.rowKey === 'function'
      ? props.rowKey(record, index)
      : ((valueAt(record, (props.rowKey as string | undefined) ?? 'key') as Key | undefined) ?? index);
  if (rows.length === 0) {
    const empty = props.locale?.emptyText;
    return <div data-testid={props['data-testid']}>{typeof empty === 'function' ? empty() : (empty ?? <Empty />)}</div>;
  }
  return (
    <div className="sb-table-cards" data-testid={props['data-testid']}>
      {rows.map((record, index) => (
        <Card key={keyOf(record, index)} size="small" className="sb-table-card">
          <dl>
            {columns.map((column, c) => {
              const value = valueAt(record, column.dataIndex as ColumnType<object>['dataIndex']);
              const shown = column.render ? column.render(value, record, index) : (value as ReactNode);
              return (
                <div key={String(column.key ?? c)} className="sb-table-card-row">
                  <dt>{typeof column.title === 'function' ? null : (column.title as ReactNode)}</dt>
                  <dd>{shown as ReactNode}</dd>
                </div>
              );
            })}
          </dl>
        </Card>
      ))}
    </div>
  );
}
