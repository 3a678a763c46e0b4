import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidBankCard, luhnValid, normalizeBankCard } from './index.ts';

test('Luhn accepts the classic test numbers and rejects a changed digit', () => {
  assert.equal(luhnValid('4111111111111111'), true);
  assert.equal(luhnValid('79927398713'), true);
  assert.equal(luhnValid('4111111111111112'), false);
  assert.equal(luhnValid('79927398710'), false);
  assert.equal(luhnValid('4111 1111'), false); // digits only
});

test('a 19-digit UnionPay number written in groups of four is valid and normalized to digits', () => {
  assert.equal(normalizeBankCard('6222 0212 3456 7890 128'), '6222021234567890128');
  assert.equal(normalizeBankCard('6222-0212-3456-7890-128'), '6222021234567890128');
  assert.equal(normalizeBankCard('６２２２０２１２３４５６７８９０１２８'), '6222021234567890128');
});

test('card numbers are 16 to 19 digits long', () => {
  assert.equal(isValidBankCard('4111111111111111'), true); // 16
  assert.equal(isValidBankCard('79927398713'), false); // Luhn-valid but 11 digits
  assert.equal(isValidBankCard('62220212345678901280'), false); // 20 digits
});

test('a number failing Luhn is rejected', () => {
  assert.equal(isValidBankCard('6222021234567890127'), false);
});
