/**
 * Timestamps are stored as ISO-8601 UTC text on both dialects (see docs/adr/0003-portable-schema.md):
 * they sort lexicographically, compare equal across stores, and never depend on a server time zone.
 */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
