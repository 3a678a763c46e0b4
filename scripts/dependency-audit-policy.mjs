// The policy of the dependency audit, as a pure function (tested in apps/api/test/repo/dependency-audit.test.ts).

const BLOCKING = new Set(['high', 'critical']);

/** Advisory ids behind one `npm audit --json` vulnerability entry (direct advisories only; `via` names may chain). */
function advisoriesOf(entry) {
  return (entry.via ?? [])
    .filter((v) => typeof v === 'object' && v !== null)
    .map((v) => ({
      id: (typeof v.url === 'string' && /GHSA-[\w-]+/.exec(v.url)?.[0]) || String(v.source ?? v.name),
      severity: v.severity,
      title: v.title ?? '',
    }));
}

/**
 * Blocking findings: high or critical advisories not in the allowlist, and allowlist entries past their review date
 * (an exception is never forever). `report` is `npm audit --json` output, `allowlist` the parsed allowlist file.
 */
export function evaluateAudit(report, allowlist, today = new Date().toISOString().slice(0, 10)) {
  const allowed = allowlist?.advisories ?? {};
  const blocking = [];
  const accepted = [];
  for (const [pkg, entry] of Object.entries(report.vulnerabilities ?? {})) {
    for (const advisory of advisoriesOf(entry)) {
      if (!BLOCKING.has(advisory.severity)) continue;
      const exception = allowed[advisory.id];
      if (!exception) blocking.push({ package: pkg, ...advisory, why: 'not reviewed' });
      else if (!exception.reviewUntil || exception.reviewUntil < today)
        blocking.push({ package: pkg, ...advisory, why: `allowlist review date ${exception.reviewUntil ?? '(none)'} has passed` });
      else accepted.push({ package: pkg, ...advisory, reason: exception.reason });
    }
  }
  return { blocking, accepted };
}
