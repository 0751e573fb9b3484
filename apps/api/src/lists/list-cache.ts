// The pages of the lists supervisors poll, kept in memory so an unchanged page is answered without its query.
//
// Correct, not merely fresh-ish:
// - Key: everything the answer depends on (the list, the missions the caller's scope lets it cover, and for a
//   scope narrower than missions the user, then every query parameter after parsing). Two callers share an entry
//   only when the same SQL with the same values would answer them.
// - Writes: an entry is dropped when a row of any mission it covers changes (`invalidate`, told by PostgreSQL
//   through ListInvalidation); an entry covering every mission is dropped on any change.
// - A page that was being computed while a change of its missions arrived is answered but not kept: each mission
//   (and "any") has a generation, read before the query and compared before keeping.
// - The clock: a page carries the first instant its answer may change with no write (`expiresAt`) and is not
//   served from then on; values that move continuously are holes filled at serve time (PageBody).
// - While the invalidation channel is down nothing is kept or served from memory (`setAvailable(false)` drops all).
import type { ListPage } from './page-body';

interface Entry {
  readonly page: ListPage;
  /** The missions whose changes drop it; null: every mission. */
  readonly missions: readonly string[] | null;
  readonly size: number;
}

/** What `read` hands back to `keep`: the generations seen before the query. */
export interface Ticket {
  readonly generations: readonly number[];
  readonly epoch: number;
}

export interface ListCacheStats {
  hits: number;
  misses: number;
  kept: number;
  invalidations: number;
}

export class ListCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byMission = new Map<string, Set<string>>();
  private readonly everyMission = new Set<string>();
  private readonly generations = new Map<string, number>();
  /** Bumped by a change of any mission (what an entry over every mission depends on). */
  private anyGeneration = 0;
  /** Bumped when everything is dropped (channel lost, `*`): no ticket from before survives it. */
  private epoch = 0;
  private available = false;
  private bytes = 0;
  readonly stats: ListCacheStats = { hits: 0, misses: 0, kept: 0, invalidations: 0 };

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly clock: () => number = Date.now,
  ) {}

  get isAvailable(): boolean {
    return this.available;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The page kept under `key` if it is still the answer now; otherwise a ticket to keep the page about to be
   * computed (null while the invalidation channel is down: then nothing is kept).
   */
  read(key: string, missions: readonly string[] | null): { page: ListPage; now: number } | { ticket: Ticket | null } {
    const now = this.clock();
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.page.computedAt <= now && now < entry.page.expiresAt) {
        this.stats.hits++;
        return { page: entry.page, now };
      }
      this.remove(key);
    }
    this.stats.misses++;
    if (!this.available) return { ticket: null };
    return { ticket: { generations: this.generationsOf(missions), epoch: this.epoch } };
  }

  /** Keeps a page computed after `ticket` was taken, unless a change of its missions came meanwhile. */
  keep(key: string, missions: readonly string[] | null, ticket: Ticket | null, page: ListPage): void {
    if (!ticket || !this.available || ticket.epoch !== this.epoch) return;
    const now = this.generationsOf(missions);
    if (now.some((generation, i) => generation !== ticket.generations[i])) return;
    if (!(page.expiresAt > this.clock())) return;
    this.remove(key);
    const size = page.body.size + key.length;
    if (size > this.maxBytes / 16) return; // one page may not crowd out the rest
    this.entries.set(key, { page, missions, size });
    this.bytes += size;
    if (missions === null) this.everyMission.add(key);
    else for (const mission of missions) this.index(mission).add(key);
    this.stats.kept++;
    // Oldest kept first (Map order): dropped until the whole fits.
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** A row of `mission` changed (committed): every page that covers it goes. `*`: every page. */
  invalidate(mission: string): void {
    this.stats.invalidations++;
    if (mission === '*') return this.dropAll();
    this.generations.set(mission, (this.generations.get(mission) ?? 0) + 1);
    this.anyGeneration++;
    const keys = this.byMission.get(mission);
    if (keys) for (const key of [...keys]) this.remove(key);
    for (const key of [...this.everyMission]) this.remove(key);
  }

  /** Whether changes are being heard. Going down drops everything; coming back starts from nothing too. */
  setAvailable(available: boolean): void {
    this.dropAll();
    this.available = available;
  }

  private dropAll(): void {
    this.epoch++;
    this.entries.clear();
    this.byMission.clear();
    this.everyMission.clear();
    this.bytes = 0;
  }

  private generationsOf(missions: readonly string[] | null): number[] {
    return missions === null ? [this.anyGeneration] : missions.map((mission) => this.generations.get(mission) ?? 0);
  }

  private index(mission: string): Set<string> {
    let keys = this.byMission.get(mission);
    if (!keys) this.byMission.set(mission, (keys = new Set()));
    return keys;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    if (entry.missions === null) this.everyMission.delete(key);
    else {
      for (const mission of entry.missions) {
        const keys = this.byMission.get(mission);
        keys?.delete(key);
        if (keys?.size === 0) this.byMission.delete(mission);
      }
    }
  }
}
