import fc from 'fast-check';

/**
 * fast-check arbitraries read from zod (v4) schemas at run time, for the property tests over every route's input:
 * values that fit the schema's shape (so requests get past validation into the handlers) and, mixed in, values that
 * break it in the ways attackers and broken clients do (NUL, bidi controls, huge numbers, hex integers, wrong types).
 */
type Def = { type: string; [key: string]: unknown };
type ZodLike = { _zod: { def: Def } };

/** Values that have caused 500s, stored junk or bypassed checks in real systems. */
export const NASTY: readonly unknown[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e\u2066evil',
  'zero\u200bwidth',
  '\ufeff',
  '0x10',
  '1e308',
  '-0',
  'NaN',
  '2023-02-30',
  '9999-99-99T99:99:99Z',
  "' OR '1'='1",
  '"; DROP TABLE accounts; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '１２３',
  'a'.repeat(5000),
  '中'.repeat(3000),
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0,
  1.5,
  true,
  null,
  [],
  {},
  { __proto__: { polluted: true } },
  [[[[[]]]]],
];

const nasty = fc.constantFrom(...NASTY);

function checksOf(def: Def): { check: string; [key: string]: unknown }[] {
  return ((def['checks'] as { _zod: { def: { check: string } } }[] | undefined) ?? []).map((c) => c._zod.def);
}

/** A value shaped by the schema (before the nasty mix-in). */
export function shapedBy(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as ZodLike | undefined)?._zod?.def;
  if (!def || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  switch (def.type) {
    case 'string': {
      const checks = checksOf(def);
      const regex = checks.find((c) => c['format'] === 'regex')?.['pattern'] as RegExp | undefined;
      if (regex) return fc.stringMatching(regex.flags.includes('i') ? new RegExp(regex.source, regex.flags.replace('i', '')) : regex);
      const min = (checks.find((c) => c.check === 'min_length')?.['minimum'] as number | undefined) ?? 0;
      const max = (checks.find((c) => c.check === 'max_length')?.['maximum'] as number | undefined) ?? 40;
      return fc.string({
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 60)),
        unit: fc.constantFrom('a', '1', '中', ' ', '-', '.', '@', '张', 'Z'),
      });
    }
    case 'number': {
      const checks = checksOf(def);
      const low = checks.find((c) => c.check === 'greater_than')?.['value'] as number | undefined;
      const high = checks.find((c) => c.check === 'less_than')?.['value'] as number | undefined;
      const min = Math.max(low ?? -1000, -1_000_000);
      const max = Math.min(high ?? 1000, 1_000_000);
      return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(shapedBy(def['innerType'], depth + 1), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(shapedBy(def['innerType'], depth + 1), { nil: null, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return shapedBy(def['innerType'], depth + 1);
    case 'pipe': {
      const input = (def['in'] as ZodLike)._zod.def;
      // z.preprocess(fn, schema) is a pipe from a transform: generate for the schema it feeds.
      return shapedBy(input.type === 'transform' ? def['out'] : def['in'], depth + 1);
    }
    case 'array':
      return fc.array(shapedBy(def['element'], depth + 1), { maxLength: 4 });
    case 'object': {
      const shape = def['shape'] as Record<string, ZodLike>;
      const entries = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, shapedBy(v, depth + 1)]));
      return fc.record(entries, {
        requiredKeys: Object.keys(shape).filter((k) => !['optional', 'default', 'prefault'].includes(shape[k]?._zod.def.type ?? '')),
      });
    }
    case 'union':
      return fc.oneof(...(def['options'] as unknown[]).map((o) => shapedBy(o, depth + 1)));
    case 'intersection':
      return shapedBy(def['left'], depth + 1);
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), shapedBy(def['valueType'], depth + 1), { maxKeys: 3 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Replaces one member (at any depth) of a shaped value with a nasty one. */
function corrupt(value: unknown, pick: number, replacement: unknown): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value as object);
  if (keys.length === 0) return replacement;
  const key = keys[pick % keys.length] as string;
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : { ...(value as Record<string, unknown>) };
  copy[key] = pick % 3 === 0 ? replacement : corrupt(copy[key], Math.floor(pick / 3), replacement);
  return copy;
}

/** Shaped values, shaped values with one member made nasty, and plain junk. */
export function inputFor(schema: unknown): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema);
  return fc.oneof(
    { weight: 3, arbitrary: shaped },
    { weight: 4, arbitrary: fc.tuple(shaped, fc.nat(), nasty).map(([v, pick, bad]) => corrupt(v, pick, bad)) },
    { weight: 1, arbitrary: fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 })) },
  );
}
