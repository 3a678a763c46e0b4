import { AuditIntegrityError } from './audit-integrity-errors.ts';

/**
 * RFC 8785 (JSON Canonicalization Scheme) written straight to UTF-8 bytes in one reusable buffer — no JSON text
 * string is built, so there is nothing to flatten or transcode before hashing (that alone cost more than the
 * SHA-256 of a record). Values are taken in the JSON data model exactly as JSON.stringify sees them, so
 * `canonicalJson(x) === canonicalJson(JSON.parse(JSON.stringify(x)))` for every value it accepts: the writer
 * hashes the in-memory payload, the verifier the payload parsed back from the database, and both see one text.
 *
 * - Object members are sorted by their names' UTF-16 code units; members whose value is undefined, a function or
 *   a symbol are left out, and such values in arrays become null (both as JSON.stringify does).
 * - toJSON() is honoured (a Date becomes its ISO string) and boxed primitives are unwrapped.
 * - Numbers use ECMAScript's shortest round-trip form (-0 → 0); strings use JSON.stringify's escapes (\b \t \n \f
 *   \r \" \\ and \u00xx for other control characters, lowercase hex); everything else is raw UTF-8.
 *
 * Refused with `record_not_encodable` (never silently changed, as RFC 8785 requires): non-finite numbers, bigints,
 * strings with lone surrogates (UTF-8 cannot carry them, so the stored text would hash differently), and nesting
 * deeper than 64 levels. Error messages name the member path, never a value.
 *
 * Not re-entrant by design: one synchronous encoding owns the buffer at a time. Only a toJSON() that itself encodes
 * could interleave, and payloads are plain data.
 */

const MAX_DEPTH = 64;
const HEX = '0123456789abcdef';
const NULL = 'null';

let buf = Buffer.alloc(16 * 1024);
let pos = 0;

/** The text of RFC 8785 JCS for `value` (see above); `path` prefixes member paths in error messages. */
export function canonicalJson(value: unknown, path = ''): string {
  pos = 0;
  try {
    if (!writeValue(value, '', 0)) throw new EncodeFailure('is not a JSON value');
  } catch (error) {
    throw toIntegrityError(error, path);
  }
  return buf.toString('utf8', 0, pos);
}

/** Internal: a refusal that carries the member path outwards as the recursion unwinds. */
export class EncodeFailure extends Error {
  readonly what: string;
  readonly segments: string[] = [];
  constructor(what: string) {
    super(what);
    this.what = what;
  }
}

export function toIntegrityError(error: unknown, path: string): unknown {
  if (!(error instanceof EncodeFailure)) return error;
  const where = `${path}${error.segments.join('')}`;
  return new AuditIntegrityError('record_not_encodable', `value${where ? ` at ${where}` : ''} ${error.what}`);
}

/** Low-level writer API for the fixed-shape record encoder. */
export const writer = {
  reset(prefixByte?: number): void {
    pos = 0;
    if (prefixByte !== undefined) buf[pos++] = prefixByte;
  },
  /** The bytes written since reset (a view: copy it before the next encoding). */
  view: (): Buffer => buf.subarray(0, pos),
  ascii: writeAscii,
  string: writeString,
  value: writeValue,
};

function ensure(extra: number): void {
  if (pos + extra <= buf.length) return;
  const grown = Buffer.alloc(Math.max(2 * buf.length, pos + extra));
  buf.copy(grown, 0, 0, pos);
  buf = grown;
}

/** Text known to be ASCII without anything to escape: member names, literals, numbers. */
function writeAscii(text: string): void {
  ensure(text.length);
  const out = buf;
  let p = pos;
  for (let i = 0; i < text.length; i++) out[p++] = text.charCodeAt(i);
  pos = p;
}

/** A JSON string literal in UTF-8, escaped as JSON.stringify escapes. */
function writeString(s: string): void {
  ensure(6 * s.length + 2);
  const out = buf;
  let p = pos;
  out[p++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) {
      if (c === 0x22 || c === 0x5c) out[p++] = 0x5c;
      out[p++] = c;
    } else if (c < 0x20) {
      out[p++] = 0x5c;
      if (c === 0x08) out[p++] = 0x62;
      else if (c === 0x09) out[p++] = 0x74;
      else if (c === 0x0a) out[p++] = 0x6e;
      else if (c === 0x0c) out[p++] = 0x66;
      else if (c === 0x0d) out[p++] = 0x72;
      else {
        out[p++] = 0x75;
        out[p++] = 0x30;
        out[p++] = 0x30;
        out[p++] = HEX.charCodeAt(c >> 4);
        out[p++] = HEX.charCodeAt(c & 15);
      }
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xe000) {
      const d = s.charCodeAt(i + 1); // NaN past the end
      if (c >= 0xdc00 || !(d >= 0xdc00 && d < 0xe000)) throw new EncodeFailure('contains a lone surrogate');
      i += 1;
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      out[p++] = 0xf0 | (cp >> 18);
      out[p++] = 0x80 | ((cp >> 12) & 63);
      out[p++] = 0x80 | ((cp >> 6) & 63);
      out[p++] = 0x80 | (cp & 63);
    } else {
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 63);
      out[p++] = 0x80 | (c & 63);
    }
  }
  out[p++] = 0x22;
  pos = p;
}

/** Writes `input`; false (and nothing written) for what JSON.stringify leaves out: undefined, functions, symbols. */
function writeValue(input: unknown, key: string | number, depth: number): boolean {
  let value = input;
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, String(key));
    if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  }
  switch (typeof value) {
    case 'string':
      writeString(value);
      return true;
    case 'number':
      if (!Number.isFinite(value)) throw new EncodeFailure('is a number that is not finite');
      writeAscii(JSON.stringify(value));
      return true;
    case 'boolean':
      writeAscii(value ? 'true' : 'false');
      return true;
    case 'bigint':
      throw new EncodeFailure('is a bigint');
    case 'object':
      if (value === null) writeAscii(NULL);
      else if (depth >= MAX_DEPTH) throw new EncodeFailure(`is nested deeper than ${MAX_DEPTH} levels`);
      else if (Array.isArray(value)) writeArray(value, depth + 1);
      else writeObject(value as Record<string, unknown>, depth + 1);
      return true;
    default:
      return false;
  }
}

function writeArray(items: readonly unknown[], depth: number): void {
  writeAscii('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) writeAscii(',');
    try {
      if (!writeValue(items[i], i, depth)) writeAscii(NULL);
    } catch (error) {
      if (error instanceof EncodeFailure) error.segments.unshift(`[${i}]`);
      throw error;
    }
  }
  writeAscii(']');
}

function writeObject(object: Record<string, unknown>, depth: number): void {
  writeAscii('{');
  let first = true;
  for (const key of sortedKeys(object)) {
    const mark = pos;
    try {
      if (!first) writeAscii(',');
      writeString(key);
      writeAscii(':');
      if (!writeValue(object[key], key, depth)) {
        pos = mark; // a member JSON.stringify leaves out
        continue;
      }
    } catch (error) {
      if (error instanceof EncodeFailure) error.segments.unshift(`.${key.isWellFormed() ? key : '?'}`);
      throw error;
    }
    first = false;
  }
  writeAscii('}');
}

/**
 * Own enumerable keys in UTF-16 code-unit order (what `<` on strings compares, and what RFC 8785 asks for).
 * Insertion sort: payload objects are small and often already sorted, where it is one pass.
 */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
  return keys;
}
