/** Most evidence kept per alert; the count of hits keeps growing. */
export const EVIDENCE_CAP = 200;

/** A sliding window of (time, seq, key) with a count per key, pruned as time moves on. */
export class Window {
  readonly items: { atMs: number; seq: number; key: string }[] = [];
  private head = 0;
  readonly counts = new Map<string, number>();
  readonly spanMs: number;
  constructor(spanMs: number) {
    this.spanMs = spanMs;
  }
  push(atMs: number, seq: number, key = '') {
    this.items.push({ atMs, seq, key });
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.prune(atMs);
  }
  prune(nowMs: number) {
    while (this.head < this.items.length && (this.items[this.head]?.atMs ?? 0) <= nowMs - this.spanMs) {
      const old = this.items[this.head];
      this.head += 1;
      if (!old) continue;
      const n = (this.counts.get(old.key) ?? 1) - 1;
      if (n <= 0) this.counts.delete(old.key);
      else this.counts.set(old.key, n);
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
  }
  get size() {
    return this.items.length - this.head;
  }
  get distinct() {
    return this.counts.size;
  }
  seqs(): number[] {
    return this.items.slice(Math.max(this.head, this.items.length - EVIDENCE_CAP)).map((i) => i.seq);
  }
}
