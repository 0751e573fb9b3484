// Working-day deadlines count on the mission's own calendar: its UTC offset and its weekend.
// Public holidays are not modelled (a deadline may fall on one; the escalation ladder still applies).
import { DAY, MINUTE } from '../shared/time';
import type { Mission } from './mission';

/** The instant `days` working days after `from`, at the same local time of day. */
export const addWorkingDays = (from: number, days: number, mission: Mission): number => {
  const offset = mission.utcOffsetMinutes * MINUTE;
  let local = from + offset;
  let left = days;
  while (left > 0) {
    local += DAY;
    const weekday = new Date(local).getUTCDay();
    if (!mission.weekendDays.includes(weekday)) left -= 1;
  }
  return local - offset;
};
