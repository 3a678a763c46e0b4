import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SHOTS, useJourney } from './harness.ts';

/** A 1×1 PNG: a real image by its bytes, standing in for a photo of an ID card. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** The demo seller's synthetic ID number (apps/api demo data). */
const SELLER_ID = '110101198001010010';

/**
 * Real-name verification from both sides: the seller submits with separate consent, the assigned broker reveals
 * the documents for identity verification and approves with the checklist, and the seller sees 已认证.
 */
describe('verification journeys: a customer is verified by their broker', () => {
  const j = useJourney();

  const signIn = (loginName: string) => j.signIn(loginName);

  test('the seller submits name, ID number and both photos with the separate consent and sees 审核中', async () => {
    const page = await signIn('seller');
    await page.getByTestId('nav-verification').click();
    await page.getByTestId('verification-form').waitFor();
    assert.equal(await page.getByTestId('verification-status').getAttribute('data-status'), 'unverified');
    assert.match(await page.getByTestId('verification-consent-statement').innerText(), /单独同意/);
    await page.getByTestId('verification-full-name').fill('张晓明');
    await page.getByTestId('verification-id-number').fill(SELLER_ID);
    await page
      .locator('.ant-form-item', { hasText: '身份证人像面照片' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: PNG });
    await page
      .locator('.ant-form-item', { hasText: '身份证国徽面照片' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'back.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('verification-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '提交前须勾选单独同意' }).waitFor();
    await page.getByTestId('verification-consent').check();
    await page.getByTestId('verification-submit').click();
    await page.locator('[data-testid="verification-status"][data-status="pending"]').waitFor();
    assert.equal(await page.getByTestId('verification-form').count(), 0, 'no second submission while pending');
    await page.screenshot({ path: join(SHOTS, 'verification-seller-pending.png'), fullPage: true });
    await page.context().close();
  });

  test("the broker reveals the seller's documents for identity verification and approves with every checklist item", async () => {
    const page = await signIn('broker');
    await page.goto(`${j.server.url}/console/verifications`);
    await page.getByTestId('review-item').first().waitFor();
    const card = page.getByTestId('review-item').filter({ hasText: 'C-100001' });
    assert.equal(await card.count(), 1);
    assert.match(await card.innerText(), /张\*/, 'masked in the queue');
    await card.getByTestId('review-reveal').click();
    await page.getByTestId('review-reveal-confirm').click();
    await page.getByTestId('review-image-idFrontImage').waitFor();
    assert.match(await page.getByTestId('review-value-idNumber').innerText(), new RegExp(SELLER_ID));
    await page.screenshot({ path: join(SHOTS, 'verification-broker-reveal.png') });
    await page.getByTestId('review-reveal-close').click();
    for (const box of await card.locator('[data-testid="review-checklist"] input[type=checkbox]').all()) await box.check();
    await card.getByTestId('review-submit').click();
    await page.getByTestId('review-item').filter({ hasText: 'C-100001' }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('the seller now sees 已认证', async () => {
    const page = await signIn('seller');
    await page.goto(`${j.server.url}/account/verification`);
    await page.locator('[data-testid="verification-status"][data-status="verified"]').waitFor();
    assert.equal(await page.getByTestId('verification-status').innerText(), '已认证');
    await page.context().close();
  });
});
