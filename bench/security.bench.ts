import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/api/src/platform/config/index.ts';
import { createLogger } from '../apps/api/src/platform/logger/index.ts';
import { openKeyStore, openStore } from '../apps/api/src/runtime.ts';
import { createServices } from '../apps/api/src/services.ts';
import { createDetectionEngine, learnThresholds, type Detection } from '../apps/api/src/modules/security/index.ts';
import { result, type BenchResult, type BenchSuite } from './lib.ts';
import { simulateMonth } from './security-sim.ts';

/**
 * Replays a simulated month (50 staff, 5,000 customers) with seeded exfiltration scenarios through the detection
 * rules, thresholds learned from another (clean) simulated month. Reports the detection rate, false alerts per
 * simulated day, and the rules' cost per event against appending the same events to the audit log, same run.
 */
async function replayMonth(): Promise<BenchResult[]> {
  const history = simulateMonth(7, false);
  const month = simulateMonth(11, true);
  const thresholds = learnThresholds(history.events);
  const context = {
    thresholds,
    isUsualClient: (broker: string, subject: string) => month.assigned.get(broker)?.has(subject) ?? undefined,
    isSensitiveField: (key: string) => key === 'account_profiles.id_number' || key === 'account_profiles.mobile',
  };
  // Warm-up pass (JIT), then the measured pass.
  const warm = createDetectionEngine(context);
  for (const e of month.events) warm.evaluate(e);
  const engine = createDetectionEngine(context);
  const found: Detection[] = [];
  const t0 = performance.now();
  for (const e of month.events) for (const d of engine.evaluate(e)) found.push(d);
  const evalUs = ((performance.now() - t0) * 1000) / month.events.length;

  const alerts = new Map<string, { rule: string; seqs: Set<number> }>();
  for (const d of found) {
    const a = alerts.get(d.key) ?? { rule: d.rule, seqs: new Set<number>() };
    for (const s of d.seqs) a.seqs.add(s);
    alerts.set(d.key, a);
  }
  const scenarioSeqs = new Set(month.scenarios.flatMap((s) => [...s.seqs]));
  const hit = (seqs: Set<number>) => [...alerts.values()].some((a) => [...a.seqs].some((s) => seqs.has(s)));
  const expected = month.scenarios.filter((s) => s.expected);
  const detected = expected.filter((s) => hit(s.seqs));
  const slow = month.scenarios.filter((s) => !s.expected);
  const falseAlerts = [...alerts.values()].filter((a) => ![...a.seqs].some((s) => scenarioSeqs.has(s)));
  const falseByRule = new Map<string, number>();
  for (const a of falseAlerts) falseByRule.set(a.rule, (falseByRule.get(a.rule) ?? 0) + 1);
  const missed = expected.filter((s) => !hit(s.seqs)).map((s) => s.kind);

  const appendUs = await appendCost(month.events.slice(0, 10_000), false);
  const watchedUs = await appendCost(month.events.slice(0, 10_000), true);
  return [
    result(
      'security.detection_rate',
      '%',
      (detected.length / expected.length) * 100,
      95,
      `${detected.length}/${expected.length} scenarios; missed: ${missed.join(', ') || 'none'}; low-and-slow caught ${slow.filter((s) => hit(s.seqs)).length}/${slow.length}; baseline = goal`,
    ),
    result(
      'security.false_alerts_per_day',
      'alerts/day',
      falseAlerts.length / month.days,
      1,
      `${falseAlerts.length} in ${month.days} days over ${month.events.length} events (${[...falseByRule].map(([r, n]) => `${r} ${n}`).join(', ')}); baseline = goal; ratio < 1 is better`,
    ),
    result(
      'security.rules_vs_append_per_event',
      'us',
      evalUs,
      appendUs,
      'rule evaluation per event vs appending the event to the audit log (SQLite, group commit), same run',
    ),
    result(
      'security.append_watched_vs_alone',
      'us',
      watchedUs,
      appendUs,
      'per event: append with the monitor started (hook, reading back, rules, alerts stored) vs append alone; ratio < 1 is the cost of watching',
    ),
  ];
}

/** Microseconds per event to append (group commit, committed) through the real audit log on SQLite. */
async function appendCost(events: ReturnType<typeof simulateMonth>['events'], watched: boolean): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-security-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger({ level: 'silent' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  const services = await createServices({ config, database, keys, logger });
  if (watched) await services.security.monitor.start();
  try {
    const input = (e: (typeof events)[number]) =>
      e.type === 'vault.fields_revealed'
        ? {
            type: e.type,
            actor: { accountId: e.actorAccountId, role: e.actorRole, sessionId: null },
            decision: e.decision,
            purpose: e.purpose,
            subjectId: e.subjectId,
            fields: e.fields,
            data: { table: 'account_profiles', recordId: e.subjectId ?? 'x' },
          }
        : {
            type: 'identity.sign_in_failed',
            actor: { accountId: e.actorAccountId, role: null, sessionId: null },
            decision: 'denied' as const,
            data: { reason: 'unknown_or_wrong_password' },
          };
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += 1000)
      await Promise.all(events.slice(i, i + 1000).map((e) => services.auditLog.append(input(e))));
    if (watched) await services.security.monitor.catchUp();
    return ((performance.now() - t0) * 1000) / events.length;
  } finally {
    await services.security.monitor.stop();
    await services.auditLog.stop();
    await database.close();
    await keys.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default { name: 'security', run: replayMonth } satisfies BenchSuite;
