// Unwrapped data keys kept in memory briefly: bounded in size (oldest out first) and in time (a short TTL), so an
// erasure in another process stops reads here within the TTL, and one in this process at once (`forget`).

export class KeyCache {
  private readonly entries = new Map<string, { readonly key: Buffer; readonly until: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(owner: string): Buffer | undefined {
    const entry = this.entries.get(owner);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.forget(owner);
      return undefined;
    }
    return entry.key;
  }

  set(owner: string, key: Buffer): void {
    if (this.ttlMs <= 0 || this.maxEntries <= 0) return;
    this.entries.delete(owner);
    this.entries.set(owner, { key, until: this.clock() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.forget(oldest);
    }
  }

  forget(owner: string): void {
    this.entries.delete(owner);
  }

  clear(): void {
    this.entries.clear();
  }
}
