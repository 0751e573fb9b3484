// Elapsed and paused time of a procedural clock, from the case's pause history.
import type { CaseFile, WorkItem } from '../case/state';
import { runningPause } from '../case/state';

const overlap = (from: number, to: number, a: number, b: number): number => Math.max(0, Math.min(to, b) - Math.max(from, a));

/** Time the item's clock stood still between its start and `until`. */
export const pausedDuring = (file: CaseFile, from: number, until: number): number =>
  file.pauses.reduce((sum, p) => sum + overlap(from, until, p.from, p.to ?? until), 0);

/** The due time as it stands now: a running pause keeps pushing it later until it ends. */
export const effectiveDueAt = (file: CaseFile, item: WorkItem, now: number): number | undefined => {
  if (item.dueAt === undefined) return undefined;
  const pause = runningPause(file);
  const running = item.status === 'open' || item.status === 'in_progress';
  if (!pause || !running) return item.dueAt;
  return item.dueAt + Math.max(0, now - Math.max(pause.from, item.openedAt ?? pause.from));
};
