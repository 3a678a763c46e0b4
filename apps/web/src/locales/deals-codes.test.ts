import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ART22_CHANNELS,
  ART22_GROUPS,
  CLOSE_BLOCKERS,
  DEAL_CANCEL_REASONS,
  DEAL_CHECKLIST_KEYS,
  DEAL_SIDES,
  DEAL_STATUSES,
  MONEY_KINDS,
} from '@sealbridge/contracts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

type Tree = { readonly [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

/** Every code of the deal registries in contracts, with the locale section that names it. */
const LISTS: ReadonlyArray<[string, readonly string[], string]> = [
  ['DEAL_CHECKLIST', DEAL_CHECKLIST_KEYS, 'deals.checklist.items'],
  ['DEAL_STATUSES', DEAL_STATUSES, 'deals.statuses'],
  ['DEAL_SIDES', DEAL_SIDES, 'deals.sides'],
  ['DEAL_CANCEL_REASONS', DEAL_CANCEL_REASONS, 'deals.cancelReasons'],
  ['MONEY_KINDS', MONEY_KINDS, 'deals.money.kinds'],
  ['CLOSE_BLOCKERS', CLOSE_BLOCKERS, 'deals.advance.blockers'],
  ['ART22_CHANNELS', ART22_CHANNELS, 'deals.art22.channel'],
  ['ART22_GROUPS', ART22_GROUPS, 'deals.art22.group'],
];

for (const [name, messages] of [
  ['zh-CN', zhCN],
  ['en', en],
] as const) {
  for (const [list, codes, section] of LISTS) {
    test(`${name} names every code of ${list}`, () => {
      const missing = codes.filter((code) => typeof at(messages as unknown as Tree, `${section}.${code}`) !== 'string');
      assert.deepEqual(missing, []);
    });
  }
}
