import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

type Tree = { readonly [key: string]: string | Tree };

/** Flattens a message tree into dotted key → value pairs. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const locales = { 'zh-CN': flatten(zhCN), en: flatten(en) };

test('zh-CN and en have exactly the same keys', () => {
  const zhKeys = [...locales['zh-CN'].keys()].sort();
  const enKeys = [...locales.en.keys()].sort();
  assert.deepEqual(
    zhKeys.filter((k) => !locales.en.has(k)),
    [],
    'keys missing from en',
  );
  assert.deepEqual(
    enKeys.filter((k) => !locales['zh-CN'].has(k)),
    [],
    'keys missing from zh-CN',
  );
  assert.ok(zhKeys.length > 50, 'the locale files look truncated');
});

for (const [name, messages] of Object.entries(locales)) {
  test(`every ${name} message is a non-empty string`, () => {
    for (const [key, value] of messages) {
      assert.equal(typeof value, 'string', `${name}:${key} is not a string`);
      assert.notEqual(String(value).trim(), '', `${name}:${key} is empty`);
    }
  });

  test(`${name} messages use the same interpolation variables as zh-CN`, () => {
    const variables = (text: string) => new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));
    for (const [key, value] of messages) {
      const reference = String(locales['zh-CN'].get(key) ?? '');
      const mine = variables(String(value));
      // A price may use a different unit per language (万 vs yuan); every other key must match exactly.
      if (key === 'listing.priceFixed') continue;
      assert.deepEqual([...mine].sort(), [...variables(reference)].sort(), `${name}:${key} variables differ`);
    }
  });
}

test('en contains no Chinese text except the brand name', () => {
  const allowed = new Set(['brand.latin', 'brand.titleSuffix', 'lang.switchTo', 'lang.switchLabel', 'footer.copyright']);
  for (const [key, value] of locales.en) {
    if (allowed.has(key)) continue;
    assert.doesNotMatch(String(value), /[\u4e00-\u9fff]/, `en:${key} contains Chinese text`);
  }
});
