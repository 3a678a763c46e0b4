import type { MonitoredEvent } from './security-events.ts';
import { Window } from './security-window.ts';

/** The counted rules: each threshold is per role, '*' standing for any role without its own. */
export const THRESHOLD_METRICS = [
  'bulk_reveal',
  'refused_reveals',
  'off_hours',
  'export_spike',
  'sign_in_burst',
  'credential_stuffing',
] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];
export type Thresholds = Record<ThresholdMetric, Readonly<Record<string, number>>>;

/**
 * Sane defaults before there is history: distinct subjects per actor and purpose per hour (bulk_reveal), refused
 * reveals per actor per hour, reveals per actor in one night (22:00–07:00 Beijing), exports per actor per 24 h,
 * failed sign-ins per account per 15 min, and accounts failing platform-wide per 10 min.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  bulk_reveal: { '*': 20, broker: 30, buyer: 12, privacy_officer: 8, security_officer: 8 },
  refused_reveals: { '*': 6 },
  off_hours: { '*': 3, broker: 4 },
  export_spike: { '*': 15, buyer: 40, broker: 25, auditor: 8 },
  sign_in_burst: { '*': 8 },
  credential_stuffing: { '*': 25 },
};

export function thresholdFor(thresholds: Thresholds, metric: ThresholdMetric, role: string | null): number {
  const t = thresholds[metric];
  return (role !== null ? t[role] : undefined) ?? t['*'] ?? Number.POSITIVE_INFINITY;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Beijing has no daylight saving: UTC+8 all year. */
export const BEIJING_OFFSET_MS = 8 * HOUR;
export const isOffHours = (atMs: number): boolean => {
  const hour = new Date(atMs + BEIJING_OFFSET_MS).getUTCHours();
  return hour >= 22 || hour < 7;
};

/** At least this many actor-days of a role before its history replaces the default. */
const MIN_SAMPLES = 30;
/** A learned threshold never goes below this, nor above this multiple of the default (a poisoned history). */
const FLOOR = 3;
const CEILING_FACTOR = 3;

function p999(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.999) - 1)] ?? 0;
}

/**
 * Learns per-role thresholds from history: the 99.9th percentile of the per-actor daily peaks of each rule's own
 * sliding count (distinct subjects per purpose in an hour, refused reveals in an hour, night reveals, exports in
 * 24 h), plus a margin of a quarter (at least 2). Days without an event are not counted, so a quiet role keeps a
 * threshold above its busiest usual days rather than at zero.
 */
export function learnThresholds(events: Iterable<MonitoredEvent>, base: Thresholds = DEFAULT_THRESHOLDS): Thresholds {
  type Learned = 'bulk_reveal' | 'refused_reveals' | 'off_hours' | 'export_spike';
  const windows = new Map<string, Window>();
  const peaks = new Map<string, { metric: Learned; role: string; peak: number }>();
  const count = (metric: Learned, e: MonitoredEvent, scope: string, spanMs: number, key: string, distinct: boolean) => {
    const id = `${metric}|${e.actorAccountId ?? ''}|${scope}`;
    let w = windows.get(id);
    if (!w) windows.set(id, (w = new Window(spanMs)));
    w.push(e.atMs, e.seq, key);
    const value = distinct ? w.distinct : w.size;
    const day = `${metric}|${e.actorAccountId ?? ''}|${Math.floor((e.atMs + BEIJING_OFFSET_MS) / DAY)}`;
    const p = peaks.get(day);
    if (!p) peaks.set(day, { metric, role: e.actorRole ?? '', peak: value });
    else p.peak = Math.max(p.peak, value);
  };
  for (const e of events) {
    if (!e.actorAccountId || !e.actorRole) continue;
    if (e.type === 'vault.fields_revealed' || e.type === 'vault.lookup_matched') {
      if (e.decision === 'allowed') {
        if (e.subjectId) count('bulk_reveal', e, e.purpose ?? '', HOUR, e.subjectId, true);
        if (isOffHours(e.atMs)) count('off_hours', e, '', 9 * HOUR, '', false);
      } else count('refused_reveals', e, '', HOUR, '', false);
    }
    if (e.action === 'export' && e.decision === 'allowed') count('export_spike', e, '', DAY, '', false);
  }
  const perRole = new Map<string, number[]>();
  for (const p of peaks.values()) {
    const id = `${p.metric}|${p.role}`;
    const list = perRole.get(id) ?? [];
    list.push(p.peak);
    perRole.set(id, list);
  }
  const learned: Thresholds = { ...base };
  for (const [id, peaksOfRole] of perRole) {
    const [metric, role] = id.split('|') as [Learned, string];
    if (peaksOfRole.length < MIN_SAMPLES) continue;
    const p = p999(peaksOfRole);
    const fallback = base[metric][role] ?? base[metric]['*'] ?? FLOOR;
    learned[metric] = {
      ...learned[metric],
      [role]: Math.min(fallback * CEILING_FACTOR, Math.max(FLOOR, p + Math.max(2, Math.ceil(p / 4)))),
    };
  }
  return learned;
}
