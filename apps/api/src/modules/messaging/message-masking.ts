import { maskContacts } from '@sealbridge/cn-identifiers';
import type { MaskedKind, TMessageSegment } from '@sealbridge/contracts';

/**
 * The one place messages are masked. Every rendering — what the sender is told was hidden, what the others read,
 * what counts toward a flag — goes through `findIdentifiers`: the detector's messaging mask, evasion-aware
 * (spelled-out digits, look-alike letters, split numbers, 威信-style cues). A better detector is a change of this line.
 */
const findIdentifiers = (text: string): readonly { type: MaskedKind; start: number; end: number }[] => maskContacts(text).findings;

export type MaskedSpan = { kind: MaskedKind; start: number; end: number };
export type KindCounts = Partial<Record<MaskedKind, number>>;

/**
 * A masked run is stored as U+E000 kind U+E001 (private-use characters), so it can never be confused with text a
 * person typed: `cleanInput` removes both from everything a sender submits.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000([a-z_]+)\uE001/g;

/** Removes the two marker characters from submitted text (they have no other use). */
export function cleanInput(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}

/** Where the identifiers are in a text; offsets are UTF-16 units of `text`. Never keeps or logs the values. */
export function maskSpans(text: string): MaskedSpan[] {
  return findIdentifiers(text).map((f) => ({ kind: f.type, start: f.start, end: f.end }));
}

export function countKinds(spans: readonly MaskedSpan[]): KindCounts {
  const counts: KindCounts = {};
  for (const s of spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  return counts;
}

/** The masked rendering to seal beside the original: each identifier replaced by its marked kind. */
export function maskedText(text: string, spans: readonly MaskedSpan[]): string {
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + OPEN + s.kind + CLOSE;
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

function pushText(out: TMessageSegment[], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** The sender's own view: everything as written, with the runs others see masked marked as `withheld`. */
export function ownSegments(original: string): { segments: TMessageSegment[]; spans: MaskedSpan[] } {
  const spans = maskSpans(original);
  const segments: TMessageSegment[] = [];
  let cursor = 0;
  for (const s of spans) {
    pushText(segments, original.slice(cursor, s.start));
    segments.push({ type: 'withheld', kind: s.kind, text: original.slice(s.start, s.end) });
    cursor = s.end;
  }
  pushText(segments, original.slice(cursor));
  return { segments, spans };
}

export function originalSegments(original: string): TMessageSegment[] {
  return original === '' ? [] : [{ type: 'text', text: original }];
}

/**
 * Another reader's view of a stored masked rendering: the marked runs become `masked`, and the text between them is
 * masked again with today's detector, so a message sealed before the detector learned a new trick is covered too.
 */
export function maskedSegments(stored: string): TMessageSegment[] {
  const segments: TMessageSegment[] = [];
  const plain = (text: string) => {
    let cursor = 0;
    for (const s of maskSpans(text)) {
      pushText(segments, text.slice(cursor, s.start));
      segments.push({ type: 'masked', kind: s.kind });
      cursor = s.end;
    }
    pushText(segments, text.slice(cursor));
  };
  let cursor = 0;
  for (const m of stored.matchAll(MARKER)) {
    plain(stored.slice(cursor, m.index));
    segments.push({ type: 'masked', kind: m[1] as MaskedKind });
    cursor = m.index + m[0].length;
  }
  plain(stored.slice(cursor));
  return segments;
}
