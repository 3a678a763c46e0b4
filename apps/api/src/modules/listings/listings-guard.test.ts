import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PUBLIC_LISTING_STATUSES } from '@sealbridge/contracts';
import { redactFindings, scanFreeText, tradeNameOf } from './listings-guard.ts';
import { districtsOf, resolveDistrict } from './listings-regions.ts';
import { registrySampleCount } from './listings-registry-sample.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('the trade name is the company name without place, trade words and legal form', () => {
  assert.equal(tradeNameOf('上海云启信息科技有限公司'), '云启');
  assert.equal(tradeNameOf('杭州澄远商贸有限公司'), '澄远');
  assert.equal(tradeNameOf('上海澄明数据服务有限公司'), '澄明');
  assert.equal(tradeNameOf('成都蓉川人力资源管理有限公司'), '蓉川');
  // All place and trade words: the place stays, or "科技" alone would flag every description.
  assert.equal(tradeNameOf('新华科技有限公司'), '新华');
});

test('free text findings name the field, kind and offsets of identifiers and of the company name', () => {
  const findings = scanFreeText(
    [
      { field: 'title', text: '云启公司转让' },
      { field: 'description', text: '微信 abc_12345 或邮箱 a@b.cn' },
    ],
    '上海云启信息科技有限公司',
  );
  assert.deepEqual(
    findings.map((f) => [f.field, f.kind]),
    [
      ['description', 'wechat'],
      ['description', 'email'],
      ['title', 'company_name'],
    ],
  );
  assert.deepEqual(scanFreeText([{ field: 'title', text: '上海软件公司转让，十年以上' }], '上海云启信息科技有限公司'), []);
  const text = '联系13812345678';
  assert.equal(redactFindings(text, scanFreeText([{ field: 'd', text }], null)), '联系[手机号]');
});

test('district codes resolve through the bundled region table; municipalities name the city as the province', () => {
  assert.deepEqual(resolveDistrict('310104'), {
    provinceCode: '31',
    province: '上海市',
    cityCode: '3101',
    city: '上海市',
    districtCode: '310104',
    district: '徐汇区',
  });
  assert.equal(resolveDistrict('440305')?.city, '深圳市');
  assert.equal(resolveDistrict('999999'), null);
  assert.ok(districtsOf('4403').some((d) => d.name === '南山区'));
});

test('the registry sample is deterministic and thin in small cities', () => {
  const big = registrySampleCount({ cityCode: '3101', industry: '贸易', ageBand: '5to10', capitalBand: '100to500' });
  assert.equal(big, registrySampleCount({ cityCode: '3101', industry: '贸易', ageBand: '5to10', capitalBand: '100to500' }));
  assert.ok(big >= 5);
  assert.ok(registrySampleCount({ cityCode: '5401', industry: '环保科技', ageBand: '5to10', capitalBand: '100to500' }) < 5);
});

test("the repository's literal public-status predicate names exactly the public statuses", () => {
  const source = readFileSync(join(import.meta.dirname, 'listings-repo.ts'), 'utf8');
  const literal = /status in \(([^)]*)\)`/.exec(source)?.[1] ?? '';
  assert.deepEqual(
    literal.split(',').map((s) => s.trim().replace(/'/g, '')),
    [...PUBLIC_LISTING_STATUSES],
  );
});
