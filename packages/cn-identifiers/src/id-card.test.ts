import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageFromIdNumber, idNumberCheckChar, isValidIdNumber, normalizeIdNumber, parseIdNumber } from './index.ts';

const TODAY = new Date('2024-03-15T10:00:00+08:00');
const withCheck = (first17: string): string => first17 + idNumberCheckChar(first17);

test('the GB 11643 example number with an X check character is valid', () => {
  assert.equal(isValidIdNumber('11010519491231002X', TODAY), true);
});

test('an ID number with a wrong check digit is rejected', () => {
  assert.equal(isValidIdNumber('110105194912310021', TODAY), false);
  assert.equal(isValidIdNumber('110105199003071230', TODAY), false);
});

test('a lower-case x is accepted and normalized to upper case', () => {
  assert.equal(normalizeIdNumber('11010519491231002x', TODAY), '11010519491231002X');
});

test('spaces, dashes and full-width digits are accepted in input', () => {
  assert.equal(normalizeIdNumber('110105 19491231 002X', TODAY), '11010519491231002X');
  assert.equal(normalizeIdNumber('110105-19491231-002X', TODAY), '11010519491231002X');
  assert.equal(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY), '11010519491231002X');
});

test('an impossible birth date is rejected even with a correct check digit', () => {
  assert.equal(isValidIdNumber(withCheck('11010519900230123'), TODAY), false); // 30 February
  assert.equal(isValidIdNumber(withCheck('11010519901301123'), TODAY), false); // month 13
  assert.equal(isValidIdNumber(withCheck('11010519900431123'), TODAY), false); // 31 April
});

test('29 February is a real birth date only in leap years', () => {
  assert.equal(isValidIdNumber(withCheck('11010520000229123'), TODAY), true);
  assert.equal(isValidIdNumber(withCheck('11010519000229123'), TODAY), false); // 1900 was not a leap year
  assert.equal(isValidIdNumber(withCheck('11010519990229123'), TODAY), false);
});

test('a birth date in the future is rejected', () => {
  assert.equal(isValidIdNumber(withCheck('11010520240316123'), TODAY), false);
  assert.equal(isValidIdNumber(withCheck('11010520240315123'), TODAY), true); // born today
});

test('a birth year before 1900 is rejected (the GB 11643 example 440524188001010014)', () => {
  assert.equal(idNumberCheckChar('44052418800101001'), '4');
  assert.equal(isValidIdNumber('440524188001010014', TODAY), false);
});

test('a region prefix that is no province is rejected', () => {
  for (const prefix of ['00', '19', '29', '40', '66', '90', '99']) {
    assert.equal(isValidIdNumber(withCheck(`${prefix}010519900307123`), TODAY), false, prefix);
  }
  assert.equal(isValidIdNumber(withCheck('81000019900307123'), TODAY), true); // Hong Kong residence permit
});

test('the 15-digit first-generation numbers are not accepted', () => {
  assert.equal(isValidIdNumber('110105491231002', TODAY), false);
});

test('junk input is rejected without throwing', () => {
  for (const junk of ['', 'abc', '11010519491231002Y', '1101051949123100', '11010519491231002X1']) {
    assert.equal(isValidIdNumber(junk, TODAY), false, junk);
  }
});

test('parsing gives the region, birth date, sex and age', () => {
  assert.deepEqual(parseIdNumber('11010519491231002X', TODAY), {
    idNumber: '11010519491231002X',
    regionCode: '110105',
    birthDate: '1949-12-31',
    sex: 'female',
    age: 74,
  });
  assert.equal(parseIdNumber(withCheck('31011519900307123'), TODAY)?.sex, 'male'); // 17th digit 3 is odd
  assert.equal(parseIdNumber('110105194912310021', TODAY), null);
});

test('age counts full years and goes up on the birthday itself', () => {
  const id = withCheck('31011519900315123');
  assert.equal(ageFromIdNumber(id, new Date('2024-03-14T12:00:00+08:00')), 33);
  assert.equal(ageFromIdNumber(id, new Date('2024-03-15T00:00:00+08:00')), 34);
  assert.equal(ageFromIdNumber(id, new Date('2024-12-31T12:00:00+08:00')), 34);
});

test('age uses the date in China: 16:30 UTC on the eve of the birthday is already the birthday', () => {
  const id = withCheck('31011519900315123');
  assert.equal(ageFromIdNumber(id, new Date('2024-03-14T16:30:00Z')), 34);
  assert.equal(ageFromIdNumber(id, new Date('2024-03-14T15:30:00Z')), 33);
});

test('someone born on 29 February turns a year older on 1 March in common years', () => {
  const id = withCheck('31011520000229123');
  assert.equal(ageFromIdNumber(id, new Date('2023-02-28T12:00:00+08:00')), 22);
  assert.equal(ageFromIdNumber(id, new Date('2023-03-01T12:00:00+08:00')), 23);
  assert.equal(ageFromIdNumber(id, new Date('2024-02-29T12:00:00+08:00')), 24);
});

test('the age of an invalid number is null', () => {
  assert.equal(ageFromIdNumber('110105194912310021', TODAY), null);
});
