// Times in the mission's own time zone (from the domain's mission registry), durations in plain units.
import { MISSIONS } from '../../../libs/domain/src/missions/missions.js';
import { language } from './i18n.js';

export function timeZoneOf(missionCode: string | undefined): string {
  return MISSIONS.find((m) => m.code === missionCode)?.timeZone ?? 'Asia/Ho_Chi_Minh';
}

export function formatInstant(iso: string, missionCode: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: timeZoneOf(missionCode),
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
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
