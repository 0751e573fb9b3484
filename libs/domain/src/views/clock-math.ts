// Elapsed and paused time of a procedural clock, from the case's pause history: a pause counts for an item only
// where it stopped that item's clock (pauseHolds).
import type { CaseFile, WorkItem } from '../case/state';
import { runningPause } from '../case/state';
import { pauseHolds } from '../clocks/pause-holds';

const overlap = (from: number, to: number, a: number, b: number): number => Math.max(0, Math.min(to, b) - Math.max(from, a));

/** Time the item's clock stood still between its start and `until`. */
export const pausedDuring = (file: CaseFile, item: WorkItem, from: number, until: number): number =>
  file.pauses.reduce((sum, p) => (pauseHolds(item, p.from) ? sum + overlap(from, until, p.from, p.to ?? until) : sum), 0);

/** The due time as it stands now: a running pause that stopped the item keeps pushing it later until it ends. */
export const effectiveDueAt = (file: CaseFile, item: WorkItem, now: number): number | undefined => {
  if (item.dueAt === undefined) return undefined;
  const pause = runningPause(file);
  const running = item.status === 'open' || item.status === 'in_progress';
  if (!pause || !running || !pauseHolds(item, pause.from)) return item.dueAt;
  return item.dueAt + Math.max(0, now - Math.max(pause.from, item.openedAt ?? pause.from));
};
