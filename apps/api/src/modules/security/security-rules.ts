import { DETECTION_RULES, type DetectionRuleId, type SecuritySeverity } from '@sealbridge/contracts';
import type { MonitoredEvent } from './security-events.ts';
import { Window } from './security-window.ts';
import { isOffHours, thresholdFor, type ThresholdMetric, type Thresholds } from './security-thresholds.ts';

/** What the rules may ask about the world beyond the record itself (the monitor answers from the database). */
export type RuleContext = {
  thresholds: Thresholds;
  /** Whether the broker runs this subject (assigned client or their company); undefined when not known: no alert. */
  isUsualClient: (brokerAccountId: string, subjectId: string) => boolean | undefined;
  /** Sensitive or identifying fields (registry): a reveal of one after a new device is alerted. */
  isSensitiveField: (fieldKey: string) => boolean;
};

/** One rule's finding; `key` is the same for every finding of one episode (rule + actor + window): one alert. */
export type Detection = {
  key: string;
  rule: DetectionRuleId;
  severity: SecuritySeverity;
  actorAccountId: string | null;
  actorRole: string | null;
  atMs: number;
  /** Audit sequence numbers that make the case (new ones only, for an episode already alerted). */
  seqs: number[];
  /** True for the first finding of an episode. */
  opened: boolean;
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const STAFF = new Set(['broker', 'privacy_officer', 'security_officer', 'auditor', 'admin']);

/** How long an episode stays one alert after its latest finding, per rule. */
const EPISODE_MS: Record<DetectionRuleId, number> = {
  bulk_reveal: HOUR,
  unusual_client: 8 * HOUR,
  refused_reveals: HOUR,
  off_hours: 9 * HOUR,
  sign_in_burst: 15 * MIN,
  credential_stuffing: 30 * MIN,
  new_device_reveal: 2 * HOUR,
  export_spike: 24 * HOUR,
  break_glass: 0,
  watermark_identified: 0,
  masking_evasion: 24 * HOUR,
};

/**
 * The detection engine: feed it audit records in sequence order (live, or a replay of history) and it returns what
 * the rules found. Pure and in memory — no I/O, no clock of its own (time is the records' time) — so a replay of
 * the same records always finds the same alerts, with the same keys.
 */
export function createDetectionEngine(context: RuleContext) {
  const windows = new Map<string, Window>();
  const episodes = new Map<string, { key: string; lastAtMs: number }>();
  const newDevices = new Map<string, { atMs: number; seq: number }>();

  const windowOf = (id: string, spanMs: number) => {
    let w = windows.get(id);
    if (!w) windows.set(id, (w = new Window(spanMs)));
    return w;
  };
  const threshold = (metric: ThresholdMetric, role: string | null) => thresholdFor(context.thresholds, metric, role);

  function detect(out: Detection[], rule: DetectionRuleId, e: MonitoredEvent, actor: string | null, seqs: () => number[], scope = '') {
    const id = `${rule}|${actor ?? '*'}|${scope}`;
    const episode = episodes.get(id);
    const span = EPISODE_MS[rule];
    if (episode && e.atMs - episode.lastAtMs <= span && span > 0) {
      episode.lastAtMs = e.atMs;
      out.push({
        key: episode.key,
        rule,
        severity: DETECTION_RULES[rule].severity,
        actorAccountId: actor,
        actorRole: e.actorRole,
        atMs: e.atMs,
        seqs: [e.seq],
        opened: false,
      });
      return;
    }
    const key = `${rule}:${actor ?? '*'}:${scope ? `${scope}:` : ''}${e.seq}`;
    episodes.set(id, { key, lastAtMs: e.atMs });
    out.push({
      key,
      rule,
      severity: DETECTION_RULES[rule].severity,
      actorAccountId: actor,
      actorRole: e.actorRole,
      atMs: e.atMs,
      seqs: seqs(),
      opened: true,
    });
  }

  function reveal(out: Detection[], e: MonitoredEvent, actor: string) {
    const role = e.actorRole;
    const viaGrant = e.data.recipient !== undefined;
    if (e.decision === 'denied') {
      const w = windowOf(`refused|${actor}`, HOUR);
      w.push(e.atMs, e.seq);
      if (w.size >= threshold('refused_reveals', role)) detect(out, 'refused_reveals', e, actor, () => w.seqs());
      return;
    }
    if (e.subjectId) {
      const w = windowOf(`bulk|${actor}|${e.purpose ?? ''}`, HOUR);
      w.push(e.atMs, e.seq, e.subjectId);
      if (w.distinct >= threshold('bulk_reveal', role)) detect(out, 'bulk_reveal', e, actor, () => w.seqs(), e.purpose ?? '');
      if (role === 'broker' && !viaGrant && context.isUsualClient(actor, e.subjectId) === false)
        detect(out, 'unusual_client', e, actor, () => [e.seq]);
    }
    if (role !== null && STAFF.has(role) && isOffHours(e.atMs)) {
      const w = windowOf(`night|${actor}`, 9 * HOUR);
      w.push(e.atMs, e.seq);
      if (w.size >= threshold('off_hours', role)) detect(out, 'off_hours', e, actor, () => w.seqs());
    }
    const device = newDevices.get(actor);
    if (device && e.atMs - device.atMs <= 2 * HOUR && e.fields.some(context.isSensitiveField))
      detect(out, 'new_device_reveal', e, actor, () => [device.seq, e.seq]);
  }

  function signInFailed(out: Detection[], e: MonitoredEvent) {
    const all = windowOf('stuffing', 10 * MIN);
    all.push(e.atMs, e.seq, e.actorAccountId ?? `unknown:${e.seq}`);
    if (all.distinct >= threshold('credential_stuffing', null)) detect(out, 'credential_stuffing', e, null, () => all.seqs());
    if (!e.actorAccountId) return;
    const w = windowOf(`signin|${e.actorAccountId}`, 15 * MIN);
    w.push(e.atMs, e.seq);
    if (w.size >= threshold('sign_in_burst', e.actorRole)) detect(out, 'sign_in_burst', e, e.actorAccountId, () => w.seqs());
  }

  return {
    /** The rules' findings for one record (empty for most). Never throws on an odd record: it is skipped. */
    evaluate(e: MonitoredEvent): Detection[] {
      const out: Detection[] = [];
      const actor = e.actorAccountId;
      switch (e.type) {
        case 'vault.fields_revealed':
        case 'vault.lookup_matched':
          if (actor) reveal(out, e, actor);
          break;
        case 'identity.sign_in_failed':
          signInFailed(out, e);
          break;
        case 'identity.new_device_signed_in':
          if (actor) newDevices.set(actor, { atMs: e.atMs, seq: e.seq });
          break;
        case 'staff.break_glass_granted':
          detect(out, 'break_glass', e, actor, () => [e.seq]);
          break;
        case 'dataroom.leak_identified':
          if (e.data.found === true) detect(out, 'watermark_identified', e, actor, () => [e.seq]);
          break;
        case 'messaging.contact_attempts_flagged':
          detect(out, 'masking_evasion', e, actor, () => [e.seq]);
          break;
        default:
          break;
      }
      if (e.action === 'export' && e.decision === 'allowed' && actor) {
        const w = windowOf(`export|${actor}`, 24 * HOUR);
        w.push(e.atMs, e.seq);
        if (w.size >= threshold('export_spike', e.actorRole)) detect(out, 'export_spike', e, actor, () => w.seqs());
      }
      return out;
    },
  };
}

export type DetectionEngine = ReturnType<typeof createDetectionEngine>;
