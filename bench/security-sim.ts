/**
 * A simulated month of audit records for the security-monitoring bench: 50 staff and 5,000 customers doing their
 * usual work, with exfiltration scenarios mixed in. Deterministic for a seed. Metadata only, like the real log.
 */
import type { MonitoredEvent } from '../apps/api/src/modules/security/index.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-11-01 00:00 Beijing. */
const START = Date.parse('2026-10-31T16:00:00Z');

export type Scenario = { kind: string; seqs: Set<number>; expected: boolean };
export type SimMonth = { events: MonitoredEvent[]; scenarios: Scenario[]; assigned: Map<string, Set<string>>; days: number };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Draft = Omit<MonitoredEvent, 'seq'> & { scenario?: number };

export function simulateMonth(seed: number, withScenarios: boolean, days = 30): SimMonth {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const brokers = Array.from({ length: 40 }, (_, i) => `broker-${i}`);
  const officers = ['po-0', 'po-1', 'po-2'];
  const security = ['so-0', 'so-1', 'so-2'];
  const auditors = ['au-0', 'au-1'];
  const customers = 5000;
  const assigned = new Map<string, Set<string>>(brokers.map((b) => [b, new Set<string>()]));
  for (let c = 0; c < customers; c++) assigned.get(brokers[c % brokers.length] as string)?.add(`subject-${c}`);
  const clientsOf = (b: string) => [...(assigned.get(b) ?? [])];
  const purposes = ['deal_execution', 'identity_verification', 'client_service'];
  const drafts: Draft[] = [];
  const base = (atMs: number, type: string, action: string, actor: string | null, role: string | null): Draft => ({
    atMs,
    type,
    action,
    decision: 'allowed',
    actorAccountId: actor,
    actorRole: role,
    purpose: null,
    subjectId: null,
    fields: [],
    data: {},
  });
  const reveal = (
    atMs: number,
    actor: string,
    role: string,
    subject: string,
    purpose: string,
    fields = ['account_profiles.mobile'],
  ): Draft => ({
    ...base(atMs, 'vault.fields_revealed', 'reveal', actor, role),
    purpose,
    subjectId: subject,
    fields,
    data: { table: 'account_profiles', recordId: subject },
  });
  const workTime = (day: number) => START + day * DAY + 9 * HOUR + Math.floor(rand() * 10 * HOUR);

  for (let day = 0; day < days; day++) {
    const weekend = day % 7 === 5 || day % 7 === 6;
    for (const b of brokers) {
      const clients = clientsOf(b);
      const n = weekend ? int(0, 4) : int(8, 30);
      for (let i = 0; i < n; i++) drafts.push(reveal(workTime(day), b, 'broker', pick(clients), pick(purposes)));
      if (rand() < 0.03) drafts.push(reveal(START + day * DAY + 20 * HOUR + int(0, 90) * MIN, b, 'broker', pick(clients), pick(purposes)));
      if (rand() < 0.02) drafts.push(reveal(START + day * DAY + 22 * HOUR + int(5, 80) * MIN, b, 'broker', pick(clients), pick(purposes)));
      if (rand() < 0.15)
        drafts.push({ ...reveal(workTime(day), b, 'broker', `subject-${int(0, customers - 1)}`, pick(purposes)), decision: 'denied' });
      if (rand() < 0.2) drafts.push({ ...base(workTime(day), 'dataroom.analytics_exported', 'export', b, 'broker') });
    }
    for (const a of auditors)
      for (let i = int(0, 3); i > 0; i--) drafts.push(base(workTime(day), 'audit.range_exported', 'export', a, 'auditor'));
    // Customers sign in every few days; some mistype first; buyers read what their grants open and download.
    for (let c = 0; c < customers; c++) {
      if (rand() > 0.33) continue;
      const acct = `customer-${c}`;
      const at = START + day * DAY + int(7 * 60, 23 * 60) * MIN;
      if (rand() < 0.04)
        for (let k = int(1, 3); k > 0; k--)
          drafts.push({ ...base(at - k * MIN, 'identity.sign_in_failed', 'sign_in', acct, null), decision: 'denied' });
      drafts.push(base(at, 'identity.signed_in', 'sign_in', acct, c % 2 ? 'buyer' : 'seller'));
      if (rand() < 0.01) drafts.push(base(at, 'identity.new_device_signed_in', 'sign_in', acct, c % 2 ? 'buyer' : 'seller'));
      if (c % 2 && rand() < 0.15) {
        for (let k = int(1, 3); k > 0; k--)
          drafts.push({
            ...reveal(at + k * MIN, acct, 'buyer', `company-${int(0, 400)}`, 'deal_disclosure', ['listing_companies.name']),
            data: {
              table: 'listing_companies',
              recordId: 'x',
              recipient: { grantId: 'g', alias: 'B-1', listingCode: 'SB', ndaSignatureId: null },
            },
          });
        for (let k = int(0, 8); k > 0; k--) drafts.push(base(at + (k + 3) * MIN, 'dataroom.document_downloaded', 'export', acct, 'buyer'));
      }
    }
    // Unknown sign-in names now and then; a staff laptop replaced; the usual break-glass and masking flags.
    for (let k = int(2, 10); k > 0; k--)
      drafts.push({ ...base(workTime(day), 'identity.sign_in_failed', 'sign_in', null, null), decision: 'denied' });
    if (rand() < 0.25) {
      const b = pick(brokers);
      const at = workTime(day);
      drafts.push(base(at, 'identity.new_device_signed_in', 'sign_in', b, 'broker'));
      if (rand() < 0.5) drafts.push(reveal(at + 20 * MIN, b, 'broker', pick(clientsOf(b)), 'deal_execution', ['account_profiles.mobile']));
    }
    if (rand() < 0.08) drafts.push(base(workTime(day), 'staff.break_glass_granted', 'break_glass', pick(officers), 'privacy_officer'));
    if (rand() < 0.25) drafts.push(base(workTime(day), 'messaging.contact_attempts_flagged', 'verify', null, 'system'));
    if (rand() < 0.3) drafts.push(base(workTime(day), 'audit.integrity_checked', 'verify', pick(security), 'security_officer'));
  }

  const scenarios: Omit<Scenario, 'seqs'>[] = [];
  if (withScenarios) {
    const add = (kind: string, expected: boolean, make: (at: number) => Draft[]) => {
      const id = scenarios.length;
      scenarios.push({ kind, expected });
      const day = int(1, days - 2);
      for (const d of make(START + day * DAY)) drafts.push({ ...d, scenario: id });
    };
    for (let i = 0; i < 8; i++)
      add('bulk_exfiltration', true, (d) => {
        const b = pick(brokers);
        const t = d + int(10, 16) * HOUR;
        return clientsOf(b)
          .slice(0, 60)
          .map((s, k) => reveal(t + k * 40_000, b, 'broker', s, 'client_service'));
      });
    for (let i = 0; i < 6; i++)
      add('outside_own_clients', true, (d) => {
        const b = brokers[i] as string;
        const other = clientsOf(brokers[(i + 7) % brokers.length] as string);
        return Array.from({ length: 4 }, (_, k) => reveal(d + 11 * HOUR + k * 7 * MIN, b, 'broker', other[k] as string, 'deal_execution'));
      });
    for (let i = 0; i < 5; i++)
      add('night_reading', true, (d) => {
        const b = pick(brokers);
        return clientsOf(b)
          .slice(10, 16)
          .map((s, k) => reveal(d + DAY + 1 * HOUR + k * 15 * MIN, b, 'broker', s, 'deal_execution'));
      });
    for (let i = 0; i < 5; i++)
      add('credential_stuffing', true, (d) => {
        const t = d + int(0, 23) * HOUR;
        return Array.from({ length: 200 }, (_, k) => ({
          ...base(t + k * 2_000, 'identity.sign_in_failed', 'sign_in', k % 2 ? `customer-${int(0, customers - 1)}` : null, null),
          decision: 'denied' as const,
        }));
      });
    for (let i = 0; i < 4; i++)
      add('password_guessing', true, (d) => {
        const acct = `customer-${int(0, customers - 1)}`;
        const t = d + int(0, 23) * HOUR;
        return Array.from({ length: 15 }, (_, k) => ({
          ...base(t + k * 30_000, 'identity.sign_in_failed', 'sign_in', acct, null),
          decision: 'denied' as const,
        }));
      });
    for (let i = 0; i < 5; i++)
      add('account_takeover', true, (d) => {
        const b = pick(brokers);
        const t = d + int(9, 17) * HOUR;
        const c = clientsOf(b);
        return [
          base(t, 'identity.new_device_signed_in', 'sign_in', b, 'broker'),
          reveal(t + 25 * MIN, b, 'broker', c[0] as string, 'identity_verification', ['account_profiles.id_number']),
          reveal(t + 27 * MIN, b, 'broker', c[1] as string, 'identity_verification', ['account_profiles.id_number']),
        ];
      });
    for (let i = 0; i < 4; i++)
      add('export_spike', true, (d) => {
        const a = pick(auditors);
        return Array.from({ length: 20 }, (_, k) => base(d + 10 * HOUR + k * 5 * MIN, 'audit.range_exported', 'export', a, 'auditor'));
      });
    for (let i = 0; i < 3; i++)
      add('leak_traced', true, (d) => [
        { ...base(d + 15 * HOUR, 'dataroom.leak_identified', 'verify', pick(brokers), 'broker'), data: { found: true } },
      ]);
    // Known misses, reported apart: a broker reading a few more of their own clients than usual, by day.
    for (let i = 0; i < 3; i++)
      add('low_and_slow', false, (d) => {
        const b = pick(brokers);
        return clientsOf(b)
          .slice(20, 35)
          .map((s, k) => reveal(d + 9 * HOUR + k * 35 * MIN, b, 'broker', s, 'deal_execution'));
      });
  }

  drafts.sort((a, b) => a.atMs - b.atMs);
  const seqsOf = scenarios.map(() => new Set<number>());
  const events: MonitoredEvent[] = drafts.map((d, i) => {
    const { scenario, ...rest } = d;
    if (scenario !== undefined) seqsOf[scenario]?.add(i + 1);
    return { ...rest, seq: i + 1 };
  });
  return { events, scenarios: scenarios.map((s, i) => ({ ...s, seqs: seqsOf[i] ?? new Set() })), assigned, days };
}
