import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SHOTS, useJourney } from './harness.ts';

/**
 * The privacy officer's third-party console (issue 17): the obligations map from live checks, the registry, the
 * gateway's transfer record, the cross-border ledger and impact assessments — in Chinese, and at 390 px wide
 * without sideways scrolling.
 */
describe('vendors journey: the privacy officer sees third parties, transfers, cross-border and obligations', () => {
  const j = useJourney();

  test('the officer registers a third party and reads every tab at 390 px without scrolling sideways', async () => {
    const page = await j.signIn('privacy');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/console/vendors`);
    await page.getByTestId('obligations-map').waitFor();
    // At 390 px every table is a list of cards (shared/ui/responsive-table.tsx), one card per row.
    await page.locator('[data-testid="obligations-map"] .sb-table-cards > li').first().waitFor();
    assert.equal(await page.locator('[data-testid="obligations-map"] .sb-table-cards > li').count(), 20);
    assert.equal(await page.locator('[data-testid="obligations-map"] .ant-table').count(), 0);
    await page.screenshot({ path: join(SHOTS, 'vendors-obligations-390.png'), fullPage: true });
    const wide = async () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(await wide(), false, 'the obligations map does not scroll sideways');

    await page.getByRole('tab', { name: '第三方' }).click();
    await page.getByTestId('vendors').waitFor();
    await page.getByRole('button', { name: '登记第三方' }).click();
    await page.locator('#vendorKey').fill('e2e_partner');
    await page.locator('#nameZh').fill('示例合作方');
    await page.locator('#nameEn').fill('Example partner');
    await page.locator('#purposes').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('#categories').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-testid="vendors"] .sb-table-cards > li', { hasText: 'e2e_partner' }).waitFor();
    assert.equal(await wide(), false, 'the registry does not scroll sideways');
    await page.screenshot({ path: join(SHOTS, 'vendors-registry-390.png'), fullPage: true });

    for (const [tab, id] of [
      ['共享记录', 'transfers'],
      ['数据出境', 'cross-border'],
      ['影响评估', 'impact-assessments'],
    ] as const) {
      // At 390 px the tab bar scrolls and the last tabs may sit under its overflow button: click the tab itself.
      await page.getByRole('tab', { name: tab }).dispatchEvent('click');
      await page.getByTestId(id).waitFor();
      assert.equal(await wide(), false, `${tab} does not scroll sideways`);
      assert.equal(await page.getByTestId(id).locator('.ant-table').count(), 0, `${tab} shows cards, not a table`);
      await page.screenshot({ path: join(SHOTS, `vendors-${id}-390.png`), fullPage: true });
    }
    await page.close();
  });
});
