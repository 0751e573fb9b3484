// Every case belongs to some mission: the most specific match, else headquarters — never nowhere.
import type { Mission, MissionRegistry } from './mission';
import { HQ_MISSION_CODE } from './missions';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export const resolveMission = (registry: MissionRegistry, countryCode: string, city?: string): Mission => {
  const inCountry = registry.filter((m) => m.countries.some((c) => same(c, countryCode)));
  const byCity = city ? inCountry.find((m) => m.cities?.some((c) => same(c, city))) : undefined;
  const countryWide = inCountry.find((m) => !m.cities || m.cities.length === 0);
  const hq = registry.find((m) => m.code === HQ_MISSION_CODE);
  const found = byCity ?? countryWide ?? hq ?? registry[0];
  if (!found) throw new Error('mission registry is empty');
  return found;
};

export const missionByCode = (registry: MissionRegistry, code: string): Mission =>
  registry.find((m) => m.code === code) ?? resolveMission(registry, '');
