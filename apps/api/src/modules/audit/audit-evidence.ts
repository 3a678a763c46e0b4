import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { StoredCheckpoint } from './integrity/index.ts';

/**
 * Outside evidence for `audit verify`: checkpoints kept somewhere the database's attacker cannot reach — the
 * exported `checkpoints.jsonl` (or a copy of it on write-once storage), a witness's state file, or a URL serving
 * either (or the public checkpoint JSON). Each checkpoint names its source, so a failure says which copy it
 * contradicts. Nothing here trusts the content: the verifier checks every signature against the pinned key.
 */
export type EvidenceSource = { kind: 'file' | 'url'; location: string };

export class EvidenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceError';
  }
}

function sizeOf(note: string): number {
  const line = note.split('\n', 3)[1] ?? '';
  return /^(0|[1-9][0-9]{0,15})$/.test(line) ? Number(line) : -1;
}

/** Parses exported JSONL, a witness state, a public checkpoint response or one bare signed note. */
export function parseEvidence(text: string, label: string): StoredCheckpoint[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (!trimmed.startsWith('{')) return [{ size: sizeOf(text), note: text.endsWith('\n') ? text : `${text}\n`, source: label }];
  const lines = trimmed.split('\n').filter((l) => l.trim() !== '');
  const asWhole = (() => {
    try {
      return lines.length > 1 ? undefined : (JSON.parse(trimmed) as unknown);
    } catch {
      return undefined;
    }
  })();
  const pick = (value: unknown, where: string): StoredCheckpoint => {
    const record = value as { size?: unknown; note?: unknown; checkpoint?: { size?: unknown; note?: unknown } | null } | null;
    const inner =
      record && typeof record === 'object' && record.checkpoint && typeof record.checkpoint === 'object' ? record.checkpoint : record;
    if (!inner || typeof inner.note !== 'string') throw new EvidenceError(`${where}: no signed note`);
    const size = typeof inner.size === 'number' ? inner.size : sizeOf(inner.note);
    return { size, note: inner.note, source: where };
  };
  if (asWhole !== undefined) {
    const state = asWhole as { checkpoint?: unknown };
    // A witness state before its first checkpoint holds none.
    if (state && typeof state === 'object' && 'checkpoint' in state && state.checkpoint === null) return [];
    return [pick(asWhole, label)];
  }
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new EvidenceError(`${label} line ${i + 1}: not JSON`);
    }
    return pick(value, `${label} line ${i + 1}`);
  });
}

/** Reads one source; a missing file or an unreachable URL is an EvidenceError (the caller decides what it means). */
export async function loadEvidence(source: EvidenceSource, fetchImpl: typeof fetch = fetch): Promise<StoredCheckpoint[]> {
  if (source.kind === 'file') {
    let text: string;
    try {
      text = await readFile(source.location, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new EvidenceError(`cannot read ${source.location}: ${code ?? 'unknown error'}`);
    }
    return parseEvidence(text, basename(source.location));
  }
  let response: Response;
  try {
    response = await fetchImpl(source.location, {
      headers: { accept: 'application/json, text/plain' },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new EvidenceError(`cannot fetch ${source.location}`);
  }
  if (!response.ok) throw new EvidenceError(`cannot fetch ${source.location}: HTTP ${response.status}`);
  return parseEvidence(await response.text(), source.location);
}

/** `--checkpoints` takes a path or an http(s) URL. */
export function evidenceSource(value: string): EvidenceSource {
  return /^https?:\/\//i.test(value) ? { kind: 'url', location: value } : { kind: 'file', location: value };
}
