// Every detection rule, on records built the way the modules write them: it fires on what it is meant to catch,
// stays quiet just below its threshold, and keeps one alert per rule + actor + episode. Pure (no store): the rules
// see records only; the monitor test covers reading them from both dialects.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DETECTION_RULE_IDS } from '@sealbridge/contracts';
import {
  createDetectionEngine,
  DEFAULT_THRESHOLDS,
  learnThresholds,
  type Detection,
  type MonitoredEvent,
  type RuleContext,
} from '../../src/modules/security/index.ts';

const T0 = Date.parse('2026-12-01T02:00:00Z'); // 10:00 Beijing
const MIN = 60_000;
let seq = 0;
function ev(over: Partial<MonitoredEvent> & { type: string }): MonitoredEvent {
  seq += 1;
  return {
    seq,
    atMs: T0,
    action: over.type === 'vault.fields_revealed' ? 'reveal' : 'update',
    decision: 'allowed',
    actorAccountId: 'broker-1',
    actorRole: 'broker',
    purpose: 'deal_execution',
    subjectId: null,
    fields: [],
    data: {},
    ...over,
  };
}
const reveal = (subject: string, atMs: number, over: Partial<MonitoredEvent> = {}) =>
  ev({ type: 'vault.fields_revealed', subjectId: subject, fields: ['account_profiles.mobile'], atMs, ...over });
const failed = (account: string | null, atMs: number) =>
  ev({
    type: 'identity.sign_in_failed',
    action: 'sign_in',
    decision: 'denied',
    actorAccountId: account,
    actorRole: null,
    purpose: null,
    atMs,
  });

const mine = new Set(Array.from({ length: 100 }, (_, i) => `s-${i}`));
const context = (over: Partial<RuleContext> = {}): RuleContext => ({
  thresholds: DEFAULT_THRESHOLDS,
  isUsualClient: (broker, subject) => (broker === 'broker-1' ? mine.has(subject) : undefined),
  isSensitiveField: (key) => key === 'account_profiles.id_number',
  ...over,
});
function run(events: MonitoredEvent[], over: Partial<RuleContext> = {}): Detection[] {
  const engine = createDetectionEngine(context(over));
  return events.flatMap((e) => engine.evaluate(e));
}
const opened = (found: Detection[], rule: string) => found.filter((d) => d.opened && d.rule === rule);

describe('detection rules', () => {
  test('a broker revealing 30 clients for one purpose within an hour raises one bulk-reveal alert with the reveals as evidence', () => {
    const events = Array.from({ length: 35 }, (_, i) => reveal(`s-${i}`, T0 + i * MIN));
    const found = run(events);
    const alerts = opened(found, 'bulk_reveal');
    assert.equal(alerts.length, 1);
    assert.deepEqual(
      alerts[0]?.seqs,
      events.slice(0, 30).map((e) => e.seq),
    );
    assert.equal(new Set(found.filter((d) => d.rule === 'bulk_reveal').map((d) => d.key)).size, 1, 'later reveals join the same alert');
  });

  test('29 clients in an hour, or 30 spread over two hours, raise nothing', () => {
    assert.equal(opened(run(Array.from({ length: 29 }, (_, i) => reveal(`s-${i}`, T0 + i * MIN))), 'bulk_reveal').length, 0);
    assert.equal(opened(run(Array.from({ length: 30 }, (_, i) => reveal(`s-${i}`, T0 + i * 4 * MIN))), 'bulk_reveal').length, 0);
  });

  test('the bulk-reveal threshold is per role: 12 subjects are normal for a broker and bulk for a buyer', () => {
    const as = (role: string) =>
      Array.from({ length: 12 }, (_, i) => reveal(`c-${i}`, T0 + i * MIN, { actorRole: role, actorAccountId: `${role}-9` }));
    assert.equal(opened(run(as('broker')), 'bulk_reveal').length, 0);
    assert.equal(opened(run(as('buyer')), 'bulk_reveal').length, 1);
  });

  test("a broker revealing a subject that is not their client is alerted; their own client and a buyer's grant are not", () => {
    const found = run([
      reveal('s-3', T0),
      reveal('stranger', T0 + MIN),
      reveal('stranger-2', T0 + 2 * MIN, { data: { recipient: { grantId: 'g' } } }),
    ]);
    const alerts = opened(found, 'unusual_client');
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]?.seqs.length, 1);
    assert.equal(found.find((d) => d.rule === 'unusual_client')?.seqs[0], seq - 1);
  });

  test('repeated refused reveals by one actor within an hour are alerted', () => {
    const events = Array.from({ length: 6 }, (_, i) => reveal(`x-${i}`, T0 + i * MIN, { decision: 'denied' }));
    assert.equal(opened(run(events.slice(0, 5)), 'refused_reveals').length, 0);
    assert.equal(opened(run(events), 'refused_reveals').length, 1);
  });

  test('reveals by staff at night, Beijing time, are alerted from the fourth; the same hours in UTC daytime are not', () => {
    const night = Date.parse('2026-12-01T18:30:00Z'); // 02:30 Beijing
    const evening = Date.parse('2026-12-01T12:00:00Z'); // 20:00 Beijing
    assert.equal(opened(run(Array.from({ length: 4 }, (_, i) => reveal(`s-${i}`, night + i * 10 * MIN))), 'off_hours').length, 1);
    assert.equal(opened(run(Array.from({ length: 3 }, (_, i) => reveal(`s-${i}`, night + i * 10 * MIN))), 'off_hours').length, 0);
    assert.equal(opened(run(Array.from({ length: 10 }, (_, i) => reveal(`s-${i}`, evening + i * 10 * MIN))), 'off_hours').length, 0);
  });

  test('eight failed sign-ins on one account within 15 minutes are a burst; seven are not', () => {
    assert.equal(opened(run(Array.from({ length: 8 }, (_, i) => failed('cust-1', T0 + i * MIN))), 'sign_in_burst').length, 1);
    assert.equal(opened(run(Array.from({ length: 7 }, (_, i) => failed('cust-1', T0 + i * MIN))), 'sign_in_burst').length, 0);
  });

  test('failures across 25 accounts (unknown names included) within ten minutes are credential stuffing', () => {
    const many = Array.from({ length: 25 }, (_, i) => failed(i % 2 ? `cust-${i}` : null, T0 + i * 10_000));
    const found = opened(run(many), 'credential_stuffing');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.actorAccountId, null);
    assert.equal(opened(run(many.slice(0, 24)), 'credential_stuffing').length, 0);
  });

  test('a sign-in from a new device followed within two hours by a sensitive reveal is alerted, with both records', () => {
    const device = ev({ type: 'identity.new_device_signed_in', action: 'sign_in', atMs: T0 });
    const sensitive = reveal('s-1', T0 + 30 * MIN, { fields: ['account_profiles.id_number'] });
    const found = opened(run([device, sensitive]), 'new_device_reveal');
    assert.deepEqual(found[0]?.seqs, [device.seq, sensitive.seq]);
    const late = reveal('s-1', T0 + 3 * 60 * MIN, { fields: ['account_profiles.id_number'] });
    assert.equal(opened(run([device, late]), 'new_device_reveal').length, 0);
    assert.equal(opened(run([device, reveal('s-1', T0 + MIN)]), 'new_device_reveal').length, 0, 'a general field');
  });

  test('exports above the role threshold within 24 hours are a spike', () => {
    const exports = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        ev({ type: 'audit.range_exported', action: 'export', actorAccountId: 'aud-1', actorRole: 'auditor', atMs: T0 + i * 30 * MIN }),
      );
    assert.equal(opened(run(exports(8)), 'export_spike').length, 1);
    assert.equal(opened(run(exports(7)), 'export_spike').length, 0);
  });

  test('every break-glass grant, watermark identification and masking-evasion flag raises its own alert', () => {
    const found = run([
      ev({ type: 'staff.break_glass_granted', action: 'break_glass', actorRole: 'privacy_officer' }),
      ev({ type: 'staff.break_glass_granted', action: 'break_glass', actorRole: 'privacy_officer' }),
      ev({ type: 'dataroom.leak_identified', action: 'verify', data: { found: true } }),
      ev({ type: 'dataroom.leak_identified', action: 'verify', data: { found: false } }),
      ev({ type: 'messaging.contact_attempts_flagged', action: 'verify', actorAccountId: 'cust-2', actorRole: 'buyer' }),
    ]);
    assert.equal(opened(found, 'break_glass').length, 2);
    assert.equal(opened(found, 'watermark_identified').length, 1);
    assert.equal(opened(found, 'watermark_identified')[0]?.severity, 'critical');
    assert.equal(opened(found, 'masking_evasion').length, 1);
  });

  test('every declared rule is exercised by this file', () => {
    const covered = new Set([
      'bulk_reveal',
      'unusual_client',
      'refused_reveals',
      'off_hours',
      'sign_in_burst',
      'credential_stuffing',
      'new_device_reveal',
      'export_spike',
      'break_glass',
      'watermark_identified',
      'masking_evasion',
    ]);
    assert.deepEqual([...DETECTION_RULE_IDS].sort(), [...covered].sort());
  });

  test('replaying the same records gives the same alerts with the same keys', () => {
    const events = [
      ...Array.from({ length: 40 }, (_, i) => reveal(`s-${i}`, T0 + i * MIN)),
      ...Array.from({ length: 9 }, (_, i) => failed('c', T0 + i * MIN)),
    ];
    assert.deepEqual(
      run(events).map((d) => d.key),
      run(events).map((d) => d.key),
    );
  });

  test('thresholds are learned per role from history (p99.9 of daily peaks plus a margin), bounded by floor and ceiling', () => {
    const history: MonitoredEvent[] = [];
    for (let day = 0; day < 40; day++)
      for (let b = 0; b < 3; b++)
        for (let i = 0; i < 6; i++) history.push(reveal(`s-${i}`, T0 + day * 86_400_000 + i * MIN, { actorAccountId: `b-${b}` }));
    const learned = learnThresholds(history);
    assert.equal(learned.bulk_reveal.broker, 8, 'peak 6 distinct subjects an hour + 2');
    assert.equal(learned.bulk_reveal.buyer, DEFAULT_THRESHOLDS.bulk_reveal.buyer, 'no history: the default stays');
    const noisy: MonitoredEvent[] = history.map((e) => ({ ...e, subjectId: `${e.subjectId ?? ''}-${e.seq}` }));
    for (let i = 0; i < 2000; i++) noisy.push(reveal(`z-${i}`, T0 + i * 1000, { actorAccountId: 'b-0' }));
    assert.ok((learnThresholds(noisy).bulk_reveal.broker ?? 0) <= 3 * (DEFAULT_THRESHOLDS.bulk_reveal.broker ?? 0));
  });

  test('an odd record (no actor, no payload) is skipped, never a crash', () => {
    const engine = createDetectionEngine(context());
    assert.doesNotThrow(() => engine.evaluate(ev({ type: 'dataroom.leak_identified', data: {} })));
    assert.doesNotThrow(() => engine.evaluate(ev({ type: 'vault.fields_revealed', actorAccountId: null })));
  });
});
