// Missions and countries by name in the reader's language ("Đại sứ quán tại Seoul", not KR-SEL), from the domain's
// mission registry; the catalogue holds the names, the registry which missions and countries exist.
import { MISSIONS } from '../../../libs/domain/src/missions/missions.js';
import { has, t } from './i18n.js';
import type { MessageKey } from './catalogue-en.js';

export const MISSION_CODES: readonly string[] = MISSIONS.map((m) => m.code);

/** The host countries of the registered missions, each once. */
export const HOST_COUNTRIES: readonly string[] = [...new Set(MISSIONS.flatMap((m) => m.countries))].sort();

export function missionName(code: string | undefined | null): string {
  if (!code) return '';
  const key = `mission.${code}`;
  return has(key) ? t(key as MessageKey) : (MISSIONS.find((m) => m.code === code)?.name ?? code);
}

export function countryName(code: string): string {
  const key = `country.${code}`;
  return has(key) ? t(key as MessageKey) : code;
}
