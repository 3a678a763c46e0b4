import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardPage } from './card-paging.ts';

test('without pagination settings the cards page a whole list in tens, like the table', () => {
  assert.deepEqual(cardPage(25, undefined, 3), { start: 20, end: 25, current: 3, pageSize: 10, total: 25, pager: true });
  assert.equal(cardPage(10, undefined, 1).pager, false);
});

test('pagination turned off shows every row and no pager', () => {
  assert.deepEqual(cardPage(42, false, 2), { start: 0, end: 42, current: 1, pageSize: 42, total: 42, pager: false });
});

test('a total beyond the rows given means the server pages: the rows given are the whole current page', () => {
  assert.deepEqual(cardPage(20, { current: 3, pageSize: 20, total: 95 }, 1), {
    start: 0,
    end: 20,
    current: 3,
    pageSize: 20,
    total: 95,
    pager: true,
  });
});

test('a page controlled by the caller wins over the cards own page, and a short list has no pager', () => {
  assert.equal(cardPage(30, { current: 2, pageSize: 20 }, 1).start, 20);
  assert.equal(cardPage(3, { pageSize: 20, total: 3 }, 1).pager, false);
});
