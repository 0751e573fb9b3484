// Which clocks a pause stops (PROTOCOL.md, Clocks): only what waits on the survivor, and only while its ladder is
// not climbing. What waits on an authority runs on, and so does an escalation already under way — a pause must
// never quieten what is already overdue.
import type { WorkItem } from '../case/state';

/**
 * Whether a pause that began at `pauseFrom` stops `item`'s clock: the item waits on her and had not missed its
 * deadline before the pause began. (A stopped clock cannot miss during the pause, so an item missed after
 * `pauseFrom` was stopped through that pause and missed only once it had ended.)
 */
export const pauseHolds = (item: WorkItem, pauseFrom: number): boolean =>
  item.waitsOn !== 'party' && (item.missedAt === undefined || item.missedAt > pauseFrom);
