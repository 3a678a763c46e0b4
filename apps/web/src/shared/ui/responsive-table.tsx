import { Card, Empty, Pagination, Spin, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { useState, useSyncExternalStore } from 'react';
import { cardPage } from './card-paging.ts';

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

/** The `data-*` attributes a table's `onRow` gives a row (test ids, row state), for the card standing in for it. */
function dataAttributes(attributes: HTMLAttributes<HTMLElement> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes ?? {}).filter(([name]) => name.startsWith('data-')));
}

export type ResponsiveTableProps<T> = TableProps<T> & {
  'data-testid'?: string;
  /** The key of the column holding the row's actions: on a phone its output sits at the bottom of the card. */
  actionsColumn?: Key;
};

/**
 * antd's Table on wide screens (the very same Table and DOM); on phones a list of cards, one per row, built from the
 * same columns: each column's title beside its render output (`dl`), the actions column at the bottom of the card,
 * the same empty state, loading state and pagination. So a table never makes the page (or itself) scroll sideways.
 */
export function ResponsiveTable<T extends object>({ actionsColumn = 'actions', ...props }: ResponsiveTableProps<T>) {
  const phone = usePhone();
  const [localPage, setLocalPage] = useState(1);
  if (!phone) return <Table<T> {...props} />;
  const columns = ((props.columns ?? []) as ColumnType<T>[]).filter((column) => !column.hidden);
  const all = [...(props.dataSource ?? [])];
  const keyOf = (record: T, index: number): Key =>
    typeof props.rowKey === 'function'
      ? props.rowKey(record, index)
      : ((valueAt(record, (props.rowKey as string | undefined) ?? 'key') as Key | undefined) ?? index);
  const cell = (column: ColumnType<T>, record: T, index: number): ReactNode => {
    const value = valueAt(record, column.dataIndex as ColumnType<object>['dataIndex']);
    return (column.render ? column.render(value, record, index) : value) as ReactNode;
  };

  const paging = props.pagination === false ? false : (props.pagination ?? {});
  const { start, end, current, pageSize, total, pager } = cardPage(all.length, paging, localPage);
  const rows = all.slice(start, end);

  const empty = props.locale?.emptyText;
  const body =
    all.length === 0 ? (
      props.loading ? null : typeof empty === 'function' ? (
        empty()
      ) : (
        (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)
      )
    ) : (
      <ul className="sb-table-cards">
        {rows.map((record, index) => {
          const actions = columns.find((column) => column.key === actionsColumn);
          return (
            <li key={keyOf(record, index)} {...dataAttributes(props.onRow?.(record, index))}>
              <Card size="small" className="sb-table-card">
                <dl>
                  {columns
                    .filter((column) => column !== actions)
                    .map((column, c) => (
                      <div key={String(column.key ?? c)} className="sb-table-card-row">
                        <dt>{typeof column.title === 'function' ? null : (column.title as ReactNode)}</dt>
                        <dd>{cell(column, record, index)}</dd>
                      </div>
                    ))}
                </dl>
                {actions ? <div className="sb-table-card-actions">{cell(actions, record, index)}</div> : null}
              </Card>
            </li>
          );
        })}
      </ul>
    );
  return (
    <div className="sb-table-cards-wrapper" data-testid={props['data-testid']}>
      <Spin spinning={Boolean(props.loading)}>{body}</Spin>
      {paging !== false && pager ? (
        <Pagination
          {...paging}
          className="sb-table-cards-pagination"
          size="small"
          showSizeChanger={false}
          showQuickJumper={false}
          current={current}
          pageSize={pageSize}
          total={total}
          onChange={(page, size) => {
            setLocalPage(page);
            paging.onChange?.(page, size);
            // antd's Table reports a page change through its own onChange as well.
            props.onChange?.({ ...paging, current: page, pageSize: size }, {}, [], { action: 'paginate', currentDataSource: all });
          }}
        />
      ) : null}
    </div>
  );
}
