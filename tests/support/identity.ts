// The one place the fault, burst and soak traffic says who it is: bearer tokens signed by the development key
// (tests/support/tokens.ts), one per identity, renewed well before they expire.
import { authHeader, type TestRole } from './tokens';

export type TrafficRole = Extract<TestRole, 'caseworker' | 'supervisor' | 'hotline_integration'>;

export interface Identity {
  readonly user: string;
  readonly role: TrafficRole;
  readonly missions: readonly string[];
}

const TTL_SECONDS = 3_600;
const cache = new Map<string, { header: Record<string, string>; renewAt: number }>();

/** The headers that make a request come from `identity`. */
export function identityHeaders(identity: Identity): Record<string, string> {
  const key = `${identity.role}\n${identity.user}\n${identity.missions.join(',')}`;
  const cached = cache.get(key);
  if (cached && cached.renewAt > Date.now()) return cached.header;
  const header = authHeader({ role: identity.role, missions: identity.missions, user: identity.user, ttlSeconds: TTL_SECONDS });
  cache.set(key, { header, renewAt: Date.now() + (TTL_SECONDS * 1000) / 2 });
  return header;
}

export const trafficSupervisor: Identity = { user: 'sup-traffic', role: 'supervisor', missions: ['KR-SEL'] };
export const trafficCaseworker = (n: number): Identity => ({ user: `cw-traffic-${n}`, role: 'caseworker', missions: ['KR-SEL'] });
export const trafficHotline: Identity = { user: 'hotline-traffic', role: 'hotline_integration', missions: [] };
