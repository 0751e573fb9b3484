// Rebuild a case from its history (or continue from a snapshot).
import type { CaseEvent } from './events';
import { evolve } from './evolve';
import { initialState, type CaseState } from './state';

export const fold = (events: readonly CaseEvent[], from: CaseState = initialState()): CaseState =>
  events.reduce<CaseState>((state, event) => evolve(state, event), from);
