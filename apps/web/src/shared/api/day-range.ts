/** A calendar day as the date pickers give it. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localMidnight(day: string, addDays = 0): Date {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
}

/**
 * The days `first`..`last` (both included, in the reader's time zone) as the half-open range of instants the audit
 * API takes: `from` inclusive, `to` exclusive, both ISO timestamps in UTC. So "28 Nov" in Shanghai starts at
 * 2026-11-27T16:00:00.000Z, not at UTC midnight.
 */
export function dayRange(first: string, last: string): { from: string; to: string } {
  return { from: localMidnight(first).toISOString(), to: localMidnight(last, 1).toISOString() };
}
