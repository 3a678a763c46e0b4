/** The part of antd's pagination settings the phone cards follow (a subset of PaginationProps). */
export type CardPagingSettings = { current?: number; pageSize?: number; defaultPageSize?: number; total?: number };

/** antd's Table pages a list it is given whole in tens when `pagination` is not set; the cards do the same. */
export const DEFAULT_PAGE_SIZE = 10;

export type CardPage = {
  /** The rows shown, as [start, end) indexes into the rows given. */
  start: number;
  end: number;
  current: number;
  pageSize: number;
  total: number;
  /** Whether a pager is shown (more than one page). */
  pager: boolean;
};

/**
 * Which rows the cards show, the way antd's Table pages: `false` shows every row; a `total` beyond the rows given
 * means the server pages (the rows given are the current page); otherwise the rows are paged here, on `current` when
 * the page controls it, else on the cards' own page.
 */
export function cardPage(rowCount: number, pagination: CardPagingSettings | false | undefined, localPage: number): CardPage {
  if (pagination === false) return { start: 0, end: rowCount, current: 1, pageSize: rowCount, total: rowCount, pager: false };
  const pageSize = pagination?.pageSize ?? pagination?.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const total = pagination?.total ?? rowCount;
  const current = pagination?.current ?? localPage;
  const serverPaged = total > rowCount;
  const start = serverPaged ? 0 : Math.min((current - 1) * pageSize, rowCount);
  const end = serverPaged ? rowCount : Math.min(current * pageSize, rowCount);
  return { start, end, current, pageSize, total, pager: total > pageSize };
}
