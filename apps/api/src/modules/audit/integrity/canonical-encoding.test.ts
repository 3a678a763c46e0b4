import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AuditIntegrityError } from './audit-integrity-errors.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  ENCODED_MEMBER_ORDER,
  encodeRecord,
  GENESIS_PREV_HASH,
  recordLeafHash,
  recordLeafHashHex,
  type AuditRecordCore,
  type JsonValue,
} from './record-encoding.ts';
import { leafHash } from './tree-hashes.ts';

const GOLDEN: AuditRecordCore = {
  seq: 1,
  at: '2026-11-28T09:00:00.000Z',
  type: 'vault.field_revealed',
  actorAccountId: 'acc_01JDX9Q3T8M2',
  actorRole: 'broker',
  actorSession: 'ses_01JDX9Q4AA7Z',
  purpose: 'deal_contact',
  action: 'reveal',
  decision: 'allowed',
  subjectId: 'sub_01JDX9Q5K2PB',
  fields: ['mobile', 'legalName'],
  requestId: 'req_7f3a9c',
  data: { listingId: 'lst_42', reason: '买方要求回电', attempts: 2, flags: { masked: false } },
  prevHash: GENESIS_PREV_HASH,
};
const GOLDEN_TEXT =
  '{"action":"reveal","actorAccountId":"acc_01JDX9Q3T8M2","actorRole":"broker","actorSession":"ses_01JDX9Q4AA7Z",' +
  '"at":"2026-11-28T09:00:00.000Z","data":{"attempts":2,"flags":{"masked":false},"listingId":"lst_42","reason":"买方要求回电"},' +
  '"decision":"allowed","fields":["mobile","legalName"],"prevHash":"0000000000000000000000000000000000000000000000000000000000000000",' +
  '"purpose":"deal_contact","requestId":"req_7f3a9c","seq":1,"subjectId":"sub_01JDX9Q5K2PB","type":"vault.field_revealed","v":1}';
// Frozen, and cross-checked outside Node: Python's hashlib.sha256(b'\x00' + GOLDEN_TEXT.encode()).hexdigest().
// If this test fails the encoding changed and every stored leaf hash with it: fix the code, never the constant.
const GOLDEN_LEAF_HASH = '8852a493fb0d14338257683388c6c793a35db4b818a00433d1c143d1e1ea7828';

/** Arbitrary records, including non-ASCII, escapes, astral characters and nested payloads. */
const text = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => s.isWellFormed());
const nullableText = fc.option(text, { nil: null });
const json: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
const record: fc.Arbitrary<AuditRecordCore> = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  at: text,
  type: text,
  actorAccountId: nullableText,
  actorRole: nullableText,
  actorSession: nullableText,
  purpose: nullableText,
  action: text,
  decision: fc.constantFrom('allowed' as const, 'denied' as const),
  subjectId: nullableText,
  fields: fc.array(text, { maxLength: 4 }),
  requestId: nullableText,
  data: fc.dictionary(text, json, { maxKeys: 5 }),
  prevHash: fc.oneof(fc.constant(GENESIS_PREV_HASH), text),
});

/**
 * Independent reference for the differential tests, as simple as RFC 8785 allows in JS: members sorted with the
 * default sort (UTF-16 code units), everything else serialized by JSON.stringify (whose number and string forms
 * RFC 8785 adopts). It shares no code with the byte writer under test.
 */
function referenceJcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceJcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${referenceJcs(object[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same members in another order (Object.fromEntries, so even a "__proto__" key stays an own member). */
function shuffled<T extends object>(value: T, order: readonly number[]): T {
  const entries = Object.entries(value);
  const picked: [string, unknown][] = [];
  for (const i of order) if (entries.length) picked.push(...entries.splice(i % entries.length, 1));
  return Object.fromEntries([...picked, ...entries]) as T;
}

describe('canonical record encoding', () => {
  it('encodes a fixed record to fixed bytes and a fixed leaf hash (golden)', () => {
    assert.equal(encodeRecord(GOLDEN).toString('utf8'), GOLDEN_TEXT);
    assert.equal(recordLeafHashHex(GOLDEN), GOLDEN_LEAF_HASH);
  });

  it('hashes a record as leafHash of its canonical bytes (RFC 9162 leaf: SHA-256 of 0x00 and the bytes)', () => {
    fc.assert(
      fc.property(record, (r) => {
        assert.deepEqual(recordLeafHash(r), leafHash(encodeRecord(r)));
      }),
      { numRuns: 300 },
    );
  });

  it('produces exactly RFC 8785 JCS of the record with v:1, byte for byte, for arbitrary records', () => {
    fc.assert(
      fc.property(record, (r) => {
        const reference = Buffer.from(referenceJcs({ ...r, v: 1 }), 'utf8');
        assert.deepEqual(encodeRecord(r), reference);
        assert.equal(canonicalJson({ ...r, v: 1 }), reference.toString('utf8'));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the property order of the record or of its payload', () => {
    fc.assert(
      fc.property(record, fc.array(fc.nat(), { maxLength: 16 }), fc.array(fc.nat(), { maxLength: 8 }), (r, order, dataOrder) => {
        const reordered = shuffled({ ...r, data: shuffled(r.data, dataOrder) }, order);
        assert.deepEqual(encodeRecord(reordered), encodeRecord(r));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for a payload before storage and after a JSON round trip through the database', () => {
    fc.assert(
      fc.property(record, (r) => {
        const stored = { ...r, data: JSON.parse(JSON.stringify(r.data)) as AuditRecordCore['data'] };
        assert.deepEqual(encodeRecord(stored), encodeRecord(r));
      }),
      { numRuns: 300 },
    );
    const withOptional = {
      ...GOLDEN,
      data: { ...GOLDEN.data, skipped: undefined, at: new Date('2026-01-02T03:04:05.006Z') },
    } as unknown as AuditRecordCore;
    assert.deepEqual(encodeRecord(withOptional), encodeRecord({ ...withOptional, data: JSON.parse(JSON.stringify(withOptional.data)) }));
  });

  it('lists its members in UTF-16 code-unit order', () => {
    assert.deepEqual([...ENCODED_MEMBER_ORDER], [...ENCODED_MEMBER_ORDER].sort());
    assert.deepEqual(Object.keys(JSON.parse(GOLDEN_TEXT)), [...ENCODED_MEMBER_ORDER]);
  });

  it('changes when any single member changes', () => {
    const base = encodeRecord(GOLDEN);
    for (const key of Object.keys(GOLDEN) as (keyof AuditRecordCore)[]) {
      const changed = {
        ...GOLDEN,
        [key]: key === 'seq' ? 2 : key === 'fields' ? ['mobile'] : key === 'data' ? {} : key === 'decision' ? 'denied' : 'x',
      };
      assert.notDeepEqual(encodeRecord(changed as AuditRecordCore), base, key);
    }
  });

  it('refuses values JCS cannot carry, naming the member but never the value', () => {
    const cases: [string, AuditRecordCore, RegExp][] = [
      ['lone surrogate in a member', { ...GOLDEN, purpose: 'secret\ud800' }, /purpose/],
      ['lone surrogate in the payload', { ...GOLDEN, data: { note: ['ok', 'secret\udc00'] } }, /data\.note\[1\]/],
      ['infinite number', { ...GOLDEN, data: { n: Number.POSITIVE_INFINITY } }, /data\.n/],
      ['NaN', { ...GOLDEN, data: { deep: { n: Number.NaN } } }, /data\.deep\.n/],
      ['bigint', { ...GOLDEN, data: { n: 1n } as unknown as AuditRecordCore['data'] }, /data\.n/],
      ['fractional seq', { ...GOLDEN, seq: 1.5 }, /seq/],
      ['member of the wrong type', { ...GOLDEN, actorRole: 7 } as unknown as AuditRecordCore, /actorRole/],
      ['payload that is an array', { ...GOLDEN, data: [] } as unknown as AuditRecordCore, /data/],
    ];
    for (const [label, bad, where] of cases) {
      assert.throws(
        () => encodeRecord(bad),
        (error: unknown) =>
          error instanceof AuditIntegrityError &&
          error.reason === 'record_not_encodable' &&
          where.test(error.message) &&
          !error.message.includes('secret'),
        label,
      );
    }
  });
});

describe('canonicalJson (RFC 8785)', () => {
  // RFC 8785 §3.2.2 example (also in cyberphone/json-canonicalization README, by the RFC's author).
  it('reproduces the RFC 8785 §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as JsonValue;
    assert.equal(
      canonicalJson(input),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  // The sample of github.com/cyberphone/json-canonicalization (README), with its published UTF-8 bytes.
  it('writes the published UTF-8 bytes of the json-canonicalization sample', () => {
    const input = JSON.parse(
      '{"numbers": [1E30,4.50,6,2e-3,0.000000000000000000000000001], "escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "other": [null, true, false]}',
    ) as JsonValue;
    const hex = (
      '7b 22 65 73 63 61 70 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c ' +
      '5c 5c 5c 22 2f 22 2c 22 6e 75 6d 62 65 72 73 22 3a 5b 31 65 2b 33 30 2c 34 2e 35 2c 36 2c 30 2e ' +
      '30 30 32 2c 31 65 2d 32 37 5d 2c 22 6f 74 68 65 72 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 ' +
      '6c 73 65 5d 7d'
    ).replaceAll(' ', '');
    assert.equal(Buffer.from(canonicalJson(input), 'utf8').toString('hex'), hex);
  });

  // RFC 8785 §3.2.3: members sorted by UTF-16 code units, so the emoji (D83D DE00) sorts before U+FB33.
  it('sorts members by UTF-16 code units as in RFC 8785 §3.2.3', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", ' +
        '"\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    ) as JsonValue;
    assert.equal(
      canonicalJson(input),
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('equals the reference on any JSON value and on its own JSON round trip (stored and re-read payloads agree)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = canonicalJson(value);
        assert.equal(out, referenceJcs(JSON.parse(JSON.stringify(value))));
        assert.equal(canonicalJson(JSON.parse(JSON.stringify(value))), out);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes every control character as JSON.stringify does and writes other text as raw UTF-8', () => {
    const all =
      Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i))
        .filter((c) => c.isWellFormed())
        .join('') + '\u{1F600}\u{10FFFF}';
    assert.equal(canonicalJson(all), JSON.stringify(all));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }).filter((x) => x.isWellFormed()),
        (x) => {
          assert.equal(canonicalJson(x), JSON.stringify(x));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
