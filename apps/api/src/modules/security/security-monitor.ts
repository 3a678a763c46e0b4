import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import { SYSTEM_ACTOR, type AuditPort } from '../audit/index.ts';
import { monitoredEventOf, type MonitoredEvent } from './security-events.ts';
import type { SecurityRepo } from './security-repo.ts';
import { createDetectionEngine, type Detection, type DetectionEngine } from './security-rules.ts';
import { DEFAULT_THRESHOLDS, learnThresholds, type Thresholds } from './security-thresholds.ts';
import { EVIDENCE_CAP } from './security-window.ts';

const DAY = 86_400_000;
const PAGE = 1000;
const USUAL_TTL_MS = 5 * 60_000;
const LEARN_CAP = 300_000;

export type MonitorDeps = {
  repo: SecurityRepo;
  audit: Pick<AuditPort, 'append'>;
  /** Subjects a broker runs: assigned clients and their companies (the monitor caches them a few minutes). */
  usualClientsOf: (brokerAccountId: string) => Promise<ReadonlySet<string>>;
  isSensitiveField: (fieldKey: string) => boolean;
  /** Tells the security officers (in-app, and an e-mail copy through the delivery port) of a new alert. */
  notifyOfficers: (alert: { rule: string; severity: string; id: string }) => Promise<void>;
  logger: Logger;
  /** Fixed thresholds (tests); without them the monitor learns them from the last 30 days at start. */
  thresholds?: Thresholds;
  now?: () => Date;
};

/**
 * Runs the detection rules over the audit log as it grows. The log's append hook only wakes the monitor (a timer,
 * never work in the append path); the monitor then reads committed records after its cursor, in order, so records
 * appended inside a caller's transaction are seen once that commits, and a restart resumes where it stopped. A rule
 * or a write that fails is logged and skipped: monitoring never fails an append.
 */
export function createSecurityMonitor(deps: MonitorDeps) {
  const { repo, logger } = deps;
  const now = deps.now ?? (() => new Date());
  let thresholds: Thresholds = deps.thresholds ?? DEFAULT_THRESHOLDS;
  const usual = new Map<string, { at: number; subjects: ReadonlySet<string> }>();
  let engine: DetectionEngine = newEngine();
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  // Only a started monitor answers the hook: the CLI and one-off scripts share the services without watching.
  let started = false;

  function newEngine() {
    return createDetectionEngine({
      thresholds,
      isUsualClient: (broker, subject) => {
        const set = usual.get(broker)?.subjects;
        return set ? set.has(subject) : undefined;
      },
      isSensitiveField: deps.isSensitiveField,
    });
  }

  /** Loads the usual clients of the brokers revealing in this page (cached a few minutes). */
  async function preload(events: readonly MonitoredEvent[]) {
    const t = Date.now();
    const brokers = new Set(
      events.filter((e) => e.actorRole === 'broker' && e.action === 'reveal' && e.actorAccountId).map((e) => e.actorAccountId as string),
    );
    for (const broker of brokers) {
      const cached = usual.get(broker);
      // A subject the cached set does not know may be a client assigned since it was loaded: ask again rather than
      // raise unusual_client on a stale list (a new client's listing is reviewed minutes after the assignment).
      const unknown =
        cached &&
        events.some((e) => e.actorAccountId === broker && e.action === 'reveal' && e.subjectId && !cached.subjects.has(e.subjectId));
      if (cached && t - cached.at < USUAL_TTL_MS && !unknown) continue;
      try {
        usual.set(broker, { at: t, subjects: await deps.usualClientsOf(broker) });
      } catch (error) {
        logger.warn({ err: error }, 'usual clients not loaded; the rule skips this broker for now');
      }
    }
  }

  function evaluate(e: MonitoredEvent, on: DetectionEngine): Detection[] {
    try {
      return on.evaluate(e);
    } catch (error) {
      logger.error({ err: error, seq: e.seq }, 'a detection rule failed on a record; skipped');
      return [];
    }
  }

  /** One alert's findings within a page of records: stored with one write, whatever their number. */
  type Episode = { first: Detection; lastAtMs: number; seqs: Set<number>; hits: number };

  /** Stores an episode's findings: a new alert (audited, officers told) or more evidence on its stored alert. */
  async function persist(e: Episode): Promise<boolean> {
    const d = e.first;
    const lastAt = new Date(e.lastAtMs).toISOString();
    const existing = await repo.alertByKey(d.key);
    if (existing) {
      const evidence = JSON.parse(existing.evidence) as number[];
      const merged = [...new Set([...evidence, ...e.seqs])].sort((a, b) => a - b).slice(0, EVIDENCE_CAP);
      await repo.updateAlert(existing.id, {
        hits: existing.hits + e.hits,
        last_at: lastAt > existing.last_at ? lastAt : existing.last_at,
        evidence: JSON.stringify(merged),
      });
      return false;
    }
    const id = newId();
    const evidence = [...e.seqs].sort((a, b) => a - b).slice(0, EVIDENCE_CAP);
    const inserted = await repo.insertAlert({
      id,
      episode_key: d.key,
      rule: d.rule,
      severity: d.severity,
      status: 'open',
      actor_account_id: d.actorAccountId,
      actor_role: d.actorRole,
      first_at: new Date(d.atMs).toISOString(),
      last_at: lastAt,
      hits: e.hits,
      evidence: JSON.stringify(evidence),
      reason: null,
      decided_by: null,
      decided_at: null,
      incident_id: null,
      created_at: now().toISOString(),
    });
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false; // another instance stored it first
    await deps.audit.append({
      type: 'security.alert_raised',
      actor: SYSTEM_ACTOR,
      decision: 'allowed',
      data: { alertId: id, rule: d.rule, severity: d.severity, evidence },
    });
    await deps
      .notifyOfficers({ rule: d.rule, severity: d.severity, id })
      .catch((error: unknown) => logger.warn({ err: error }, 'alert notice not sent'));
    return true;
  }

  /** Runs `on` over records (afterSeq, uptoSeq]; stores what it finds unless silent. Returns new alerts. */
  async function run(on: DetectionEngine, afterSeq: number, uptoSeq: number, opts: { silent?: boolean; moveCursor?: boolean }) {
    let cursor = afterSeq;
    let raised = 0;
    for (;;) {
      const rows = await repo.auditPage(cursor, PAGE, uptoSeq);
      if (rows.length === 0) break;
      const events = rows.map(monitoredEventOf);
      await preload(events);
      const episodes = new Map<string, Episode>();
      for (const e of events) {
        for (const d of evaluate(e, on)) {
          const episode = episodes.get(d.key);
          if (!episode) episodes.set(d.key, { first: d, lastAtMs: d.atMs, seqs: new Set(d.seqs), hits: 1 });
          else {
            episode.lastAtMs = d.atMs;
            episode.hits += 1;
            for (const s of d.seqs) episode.seqs.add(s);
          }
        }
        cursor = e.seq;
      }
      if (!opts.silent)
        for (const episode of episodes.values()) {
          try {
            if (await persist(episode)) raised += 1;
          } catch (error) {
            logger.error({ err: error, rule: episode.first.rule }, 'alert not stored');
          }
        }
      if (opts.moveCursor) await repo.saveCursor(cursor, now().toISOString());
    }
    return { cursor, raised };
  }

  async function tail(): Promise<number> {
    let cursor = await repo.cursor();
    if (cursor === undefined) {
      // First start: watch from here on; history is for replay.
      cursor = await repo.auditHead();
      await repo.saveCursor(cursor, now().toISOString());
    }
    return (await run(engine, cursor, Number.MAX_SAFE_INTEGER, { moveCursor: true })).raised;
  }

  /** Runs one catch-up at a time; a wake-up during a run runs once more after it. */
  function catchUp(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = tail()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'security monitor run failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          wake();
        }
      });
    return running;
  }

  function wake() {
    if (timer || !started) return;
    timer = setTimeout(() => {
      timer = undefined;
      void catchUp();
    }, 20);
    timer.unref();
  }

  return {
    /** The audit log's append hook: schedules a run, does nothing else. */
    wake,
    /** Reads and evaluates everything after the cursor now (tests, jobs, shutdown). */
    catchUp,
    /**
     * Learns per-role thresholds from the last `days` of the trail and warms the rules up over the last day (no
     * alerts for what was already watched), so windows that straddle a restart are still counted.
     */
    async start(days = 30) {
      started = true;
      if (!deps.thresholds) {
        const from = await repo.firstSeqSince(new Date(now().getTime() - days * DAY).toISOString());
        const head = await repo.auditHead();
        const history: MonitoredEvent[] = [];
        // At most the latest LEARN_CAP records: a boot must not read a year of a busy log into memory.
        for (let after = Math.max(0, from - 1, head - LEARN_CAP); after < head;) {
          const rows = await repo.auditPage(after, 5000, head);
          if (!rows.length) break;
          for (const r of rows) history.push(monitoredEventOf(r));
          after = Number(rows[rows.length - 1]?.seq ?? head);
        }
        thresholds = learnThresholds(history);
      }
      engine = newEngine();
      const cursor = await repo.cursor();
      if (cursor !== undefined) {
        const from = await repo.firstSeqSince(new Date(now().getTime() - DAY).toISOString());
        if (from > 0 && from <= cursor) await run(engine, from - 1, cursor, { silent: true });
      }
      poll ??= setInterval(() => void catchUp(), 2000);
      poll.unref();
      await catchUp();
    },
    async stop() {
      started = false;
      if (poll) clearInterval(poll);
      poll = undefined;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    /** Replays the rules over history with a fresh engine; alerts of episodes already stored are merged, not doubled. */
    async replay(fromSeq: number, toSeq: number) {
      const fresh = newEngine();
      return (await run(fresh, Math.max(0, fromSeq - 1), toSeq, {})).raised;
    },
    thresholds: () => thresholds,
  };
}

export type SecurityMonitor = ReturnType<typeof createSecurityMonitor>;
