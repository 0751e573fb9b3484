// Given / when / then for the decider: given a history, when a command arrives at `now`, then these events
// (or this refusal). Events are matched partially, so a specification names only what it is about.
import { decide, fold, isDomainError, type CaseCommand, type CaseEvent, type DomainErrorCode } from '../../src/index';

type Partial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
export type ExpectedEvent = Partial<CaseEvent> & { type: CaseEvent['type'] };

/** The code of the DomainError `run` throws (fails the test if it throws nothing or something else). */
export const refusal = (run: () => unknown): DomainErrorCode => {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal, but the command was accepted');
};

export const given = (...history: CaseEvent[][]) => {
  const state = fold(history.flat());
  return {
    state,
    when: (command: CaseCommand, now: number) => ({
      /** Exactly these events, in this order, each matched on the fields given. */
      then: (expected: ExpectedEvent[]): CaseEvent[] => {
        const events = decide(state, command, now);
        expect(events).toMatchObject(expected);
        return events;
      },
      /** The events, for assertions a list cannot express. */
      events: (): CaseEvent[] => decide(state, command, now),
      thenThrows: (code: DomainErrorCode): void => {
        expect(refusal(() => decide(state, command, now))).toBe(code);
      },
    }),
  };
};
