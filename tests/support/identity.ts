// The one place the fault, burst and soak traffic says who it is. Until authentication lands the API takes the
// stand-in headers; switching to signed tokens (tests/support/tokens.ts) is an edit to this file only.
export type TrafficRole = 'caseworker' | 'supervisor';

export interface Identity {
  readonly user: string;
  readonly role: TrafficRole;
  readonly missions: readonly string[];
}

/** The headers that make a request come from `identity`. */
export function identityHeaders(identity: Identity): Record<string, string> {
  return { 'x-baoho-user': identity.user, 'x-baoho-role': identity.role };
}

export const trafficSupervisor: Identity = { user: 'sup-traffic', role: 'supervisor', missions: ['KR-SEL'] };
export const trafficCaseworker = (n: number): Identity => ({ user: `cw-traffic-${n}`, role: 'caseworker', missions: ['KR-SEL'] });
