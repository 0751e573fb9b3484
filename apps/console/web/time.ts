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
