import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useJourney } from './harness.ts';

/** The demo seller's customer number and mobile number (apps/api demo data). */
const SELLER_NO = 'C-100001';
const JUSTIFICATION = '安全事件工单 SEC-2026-07：疑似账户被盗用，需核实客户联系方式以便冻结相关交易';

/**
 * Break-glass, end to end: the security officer (who normally sees metadata only) opens time-boxed access to one
 * customer with a justification and views a field; the privacy officer finds the alert and acknowledges it.
 */
describe('break-glass: a justified, time-boxed access that the privacy officer is alerted to', () => {
  const j = useJourney();

  const signIn = (loginName: string) => j.signIn(loginName);

  test('the security officer opens break-glass access to the seller and views the mobile number', async () => {
    const page = await signIn('security');
    await page.goto(`${j.server.url}/console/break-glass`);
    await page.getByTestId('break-glass-form').waitFor();
    await page.locator('#customerAccountNo').fill(SELLER_NO);
    await page.locator('#justification').fill(JUSTIFICATION);
    await page.getByTestId('break-glass-submit').click();
    await page.getByTestId('break-glass-row').first().waitFor();
    assert.equal(await page.getByTestId('break-glass-row').count(), 1);
    await page.getByTestId('break-glass-view').click();
    await page.locator('.ant-modal .ant-checkbox-wrapper', { hasText: '手机号码' }).click();
    await page.getByTestId('break-glass-reveal').click();
    await page.getByTestId('break-glass-value-mobile').waitFor();
    assert.match(await page.getByTestId('break-glass-value-mobile').innerText(), /13800000001/);
  });

  test('the privacy officer sees the alert with its justification and acknowledges it', async () => {
    const page = await signIn('privacy');
    await page.goto(`${j.server.url}/console/break-glass/alerts`);
    await page.getByTestId('alert-row').first().waitFor();
    assert.match(await page.getByTestId('alert-row').first().innerText(), /SEC-2026-07/);
    await page.getByTestId('alert-acknowledge').click();
    await page.getByTestId('alert-acknowledged').waitFor();
  });
});
