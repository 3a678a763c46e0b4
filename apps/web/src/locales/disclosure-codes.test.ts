import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUDGET_BANDS,
  BUYER_TYPES,
  CONSENT_STATES,
  DISCLOSURE_LEVEL_CONTENTS,
  DISCLOSURE_LEVELS,
  DISCLOSURE_PRECONDITION_CODES,
  GRANT_VIEW_STATES,
  INQUIRY_STATUSES,
  NDA_VARIABLES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KIND_LIST,
  NOTIFICATION_KINDS,
  NOTIFICATION_TOPICS,
  notificationText,
  PROOF_OF_FUNDS_STATES,
  PURCHASE_TIMELINES,
  ZNdaCertificateResult,
} from '@sealbridge/contracts';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

type Tree = { readonly [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

const levelFields = DISCLOSURE_LEVELS.flatMap((level) => DISCLOSURE_LEVEL_CONTENTS[level].personalFields as readonly string[]);
const levelFacts = DISCLOSURE_LEVELS.flatMap((level) => DISCLOSURE_LEVEL_CONTENTS[level].listingFacts as readonly string[]);

/** Every code list of the disclosure path the web app shows, with the locale section that names its codes. */
const LISTS: ReadonlyArray<[string, readonly string[], string]> = [
  ['BUYER_TYPES', BUYER_TYPES, 'disclosure.buyerTypes'],
  ['BUDGET_BANDS', BUDGET_BANDS, 'disclosure.budgetBands'],
  ['PURCHASE_TIMELINES', PURCHASE_TIMELINES, 'disclosure.timelines'],
  ['INQUIRY_STATUSES', INQUIRY_STATUSES, 'disclosure.inquiryStatuses'],
  ['GRANT_VIEW_STATES + none', [...GRANT_VIEW_STATES, 'none'], 'disclosure.grantStates'],
  ['CONSENT_STATES', CONSENT_STATES, 'disclosure.consentStates'],
  ['PROOF_OF_FUNDS_STATES', PROOF_OF_FUNDS_STATES, 'disclosure.proofStates'],
  ['DISCLOSURE_PRECONDITION_CODES', DISCLOSURE_PRECONDITION_CODES, 'disclosure.missing'],
  ['the personal fields the levels open', levelFields, 'disclosure.fields'],
  ['the listing facts the levels open', levelFacts, 'disclosure.facts'],
  ['NDA_VARIABLES', NDA_VARIABLES, 'disclosure.templates.variables'],
  ['certificate check reasons', ZNdaCertificateResult.shape.reason.options, 'disclosure.certificateCheck.reasons'],
  ['NOTIFICATION_TOPICS', NOTIFICATION_TOPICS, 'notifications.topics'],
  ['NOTIFICATION_CHANNELS', NOTIFICATION_CHANNELS, 'notifications.channels'],
];

for (const [localeName, messages] of [
  ['zh-CN', zhCN],
  ['en', en],
] as const) {
  for (const [listName, codes, section] of LISTS) {
    test(`${localeName} names every code of ${listName}`, () => {
      for (const code of codes) {
        const name = at(messages as unknown as Tree, `${section}.${code}`);
        assert.equal(typeof name, 'string', `${localeName}: ${section}.${code} has no name`);
        assert.notEqual(String(name).trim(), '', `${localeName}: ${section}.${code} is empty`);
        assert.notEqual(name, code, `${localeName}: ${section}.${code} is shown as its raw code`);
      }
    });
  }
}

test('every notice kind renders in both languages with each of its parameters filled in, and nothing else left over', () => {
  for (const kind of NOTIFICATION_KIND_LIST) {
    const def = NOTIFICATION_KINDS[kind];
    const params = Object.fromEntries(def.params.map((p) => [p, `«${p}»`]));
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = notificationText(kind, params, locale);
      for (const p of def.params) assert.ok(text.includes(`«${p}»`), `${kind} (${locale}) does not show {${p}}`);
      assert.doesNotMatch(text, /\{[a-zA-Z]+\}/, `${kind} (${locale}) has a placeholder without a parameter`);
    }
  }
});
