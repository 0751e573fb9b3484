// Times in the mission's own time zone (from the domain's mission registry), durations in plain units.
import { MISSIONS } from '../../../libs/domain/src/missions/missions.js';
import { language } from './i18n.js';

export function timeZoneOf(missionCode: string | undefined): string {
  return MISSIONS.find((m) => m.code === missionCode)?.timeZone ?? 'Asia/Ho_Chi_Minh';
}

/** An instant as a consular officer writes it, day first, on the mission's clock: "03/12/2026 14:05 (GMT+9)". */
export function formatInstant(iso: string, missionCode: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZoneOf(missionCode), day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['day']}/${parts['month']}/${parts['year']} ${parts['hour']}:${parts['minute']} (${parts['timeZoneName']})`;
}

/** A calendar date (yyyy-mm-dd, as the API keeps a date of birth) written day first: 12/04/1998. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const vi = language() === 'vi';
  if (minutes < 60) return vi ? `${minutes} phút` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return vi ? `${hours} giờ ${minutes % 60} phút` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return vi ? `${days} ngày ${hours % 24} giờ` : `${days} d ${hours % 24} h`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** How far `timeZone`'s wall clock is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** A wall-clock time typed in a form ("2026-11-21T20:00", as datetime-local gives it) on `timeZone`'s clock. */
export function instantFromWallTime(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  // The offset at the guess, then at the corrected instant: right across a daylight-saving change too.
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}

/** Monday 00:00 of the week holding `ms`, on the wall clock of `timeZone` (the mission's), as an instant. */
export function startOfWeek(ms: number, timeZone: string): number {
  const wall = new Date(ms + offsetAt(ms, timeZone));
  const weekday = WEEKDAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short' }).format(wall));
  const midnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - weekday);
  // The offset at that midnight, not now: a daylight-saving change within the week moves it.
  return midnight - offsetAt(midnight - offsetAt(ms, timeZone), timeZone);
}

/** A day as "2/12" (vi) or "2 Dec" (en), on the mission's calendar. */
export function formatDay(ms: number, missionCode: string | undefined): string {
  return new Intl.DateTimeFormat(language() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: timeZoneOf(missionCode), day: 'numeric', month: language() === 'vi' ? 'numeric' : 'short' }).format(new Date(ms));
}
