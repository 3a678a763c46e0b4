import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DATA_CATEGORIES,
  LEGAL_BASES,
  MASK_KINDS,
  PROFILE_FIELDS,
  PURPOSES,
  RETENTION_CLASSES,
  ROLES,
  SUBJECT_KINDS,
} from '@sealbridge/contracts';
import { mask } from '@sealbridge/cn-identifiers';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Every closed code list the web app shows, with the locale section that names its codes. */
const LISTS: ReadonlyArray<[string, readonly string[], (messages: Tree) => unknown]> = [
  ['PURPOSES', PURPOSES, (m) => (m.codes as Tree).purposes],
  ['LEGAL_BASES', LEGAL_BASES, (m) => (m.codes as Tree).legalBases],
  ['RETENTION_CLASSES', RETENTION_CLASSES, (m) => (m.codes as Tree).retention],
  ['DATA_CATEGORIES', DATA_CATEGORIES, (m) => (m.codes as Tree).categories],
  ['MASK_KINDS', MASK_KINDS, (m) => (m.codes as Tree).masking],
  ['SUBJECT_KINDS', SUBJECT_KINDS, (m) => (m.codes as Tree).subjectKinds],
  ['sensitivities', ['general', 'sensitive'], (m) => (m.codes as Tree).sensitivities],
  ['PROFILE_FIELDS', PROFILE_FIELDS, (m) => (m.codes as Tree).profileFields],
  ['PROFILE_FIELDS (validation)', PROFILE_FIELDS, (m) => (m.codes as Tree).invalid],
  ['ROLES', ROLES, (m) => m.roles],
];

for (const [localeName, messages] of [
  ['zh-CN', zhCN],
  ['en', en],
] as const) {
  for (const [listName, codes, section] of LISTS) {
    test(`${localeName} names every code of ${listName}`, () => {
      const names = section(messages as unknown as Tree) as Record<string, unknown> | undefined;
      assert.ok(names && typeof names === 'object', `${localeName}: no section for ${listName}`);
      for (const code of codes) {
        const name: unknown = names[code];
        assert.equal(typeof name, 'string', `${localeName}: ${listName}.${code} has no translation`);
        assert.notEqual(String(name).trim(), '', `${localeName}: ${listName}.${code} is empty`);
        assert.notEqual(name, code, `${localeName}: ${listName}.${code} is shown as its raw code`);
      }
      const extra = Object.keys(names).filter((key) => !codes.includes(key));
      assert.deepEqual(extra, [], `${localeName}: ${listName} names codes the contracts do not have`);
    });
  }
}

test('legal bases cite their PIPL article in both languages', () => {
  for (const basis of LEGAL_BASES) {
    assert.match(zhCN.codes.legalBases[basis], /个保法第\d+条/, `zh-CN: ${basis}`);
    assert.match(en.codes.legalBases[basis], /PIPL Art\. \d+/, `en: ${basis}`);
  }
  assert.equal(zhCN.codes.legalBases.separate_consent, '单独同意（个保法第29条）');
});

/** Inputs whose real masks (from @sealbridge/cn-identifiers, as the server applies them) are quoted as examples. */
const MASK_SAMPLES: Record<(typeof MASK_KINDS)[number], string> = {
  name: '张晓明',
  mobile: '13812341234',
  email: 'zhang@example.com',
  id_card: '110101198001010018',
  uscc: '91310000MA1FL8XX3X',
  bank_card: '6222021234567890123',
  address: '上海市浦东新区示例路1号',
  wechat: 'zxm_demo_01',
  qq: '123456789',
  landline: '010-62345678',
};

test('every masking rule quotes the real mask of a sample as its example', () => {
  for (const kind of MASK_KINDS) {
    const example = mask(kind, MASK_SAMPLES[kind]);
    assert.ok(zhCN.codes.masking[kind].endsWith(`如 ${example}`), `zh-CN: ${kind} should end with 如 ${example}`);
    // English cannot quote Chinese names and addresses; every other example is the same string.
    if (kind !== 'name' && kind !== 'address') {
      assert.ok(en.codes.masking[kind].endsWith(`e.g. ${example}`), `en: ${kind} should end with e.g. ${example}`);
    }
  }
  assert.equal(mask('mobile', MASK_SAMPLES.mobile), '138****1234');
});
