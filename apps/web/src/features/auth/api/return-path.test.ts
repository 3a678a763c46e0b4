import { test } from 'node:test';
import assert from 'node:assert/strict';
import { returnPath } from './return-path.ts';

const customer = { kind: 'customer' } as const;
const staff = { kind: 'staff' } as const;

test('a customer sent to log in from a listing comes back to that listing, with the form to open when asked', () => {
  assert.equal(returnPath(customer, '/listings/SB-20270037-YMSZ'), '/listings/SB-20270037-YMSZ');
  assert.equal(returnPath(customer, '/listings/SB-20270037-YMSZ?apply=1'), '/listings/SB-20270037-YMSZ?apply=1');
  assert.equal(returnPath(customer, '/account/inquiries/abc'), '/account/inquiries/abc');
});

test('staff return only into the console, customers never into it', () => {
  assert.equal(returnPath(staff, '/console/inquiries'), '/console/inquiries');
  assert.equal(returnPath(staff, '/listings/SB-20270037-YMSZ'), '/console');
  assert.equal(returnPath(customer, '/console/inquiries'), '/');
});

test("anything that is not an in-app path of the account's side goes to the default page", () => {
  for (const from of [
    'https://evil.example/',
    '//evil.example/listings/x',
    '/\\evil.example',
    '/listings/SB-1?next=//evil',
    '/listings/../console',
    '/accounts',
    'javascript:alert(1)',
    42,
    undefined,
    null,
  ]) {
    assert.equal(returnPath(customer, from), '/', String(from));
  }
});

test('a customer who signs in from the search page or the privacy center comes back to it, filters and page kept', () => {
  assert.equal(returnPath(customer, '/listings?provinceCode=31&page=2'), '/listings?provinceCode=31&page=2');
  assert.equal(returnPath(customer, '/listings'), '/listings');
  assert.equal(returnPath(customer, '/privacy'), '/privacy');
  assert.equal(returnPath(customer, '/listings?next=//evil.example'), '/');
  assert.equal(returnPath(staff, '/listings?page=2'), '/console');
});
