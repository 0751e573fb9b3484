// Properties over random command sequences: whatever people do, in whatever order, the fold stays consistent.
import fc from 'fast-check';
import { describeEvent, fold, isActive, nextWakeUp, stuckReasonClock, stuckReasons, stuckReasonsAt, stuckTriggers, upcast, type CaseState } from '../src/index';
import { days } from './support/fixtures';
import { run, sequences } from './support/sequences';

const params = { numRuns: 300 };

describe('any accepted sequence of commands', () => {
  it('folds to the same state from scratch, from any snapshot, and from the stored (JSON, upcast) form', () => {
    fc.assert(
      fc.property(sequences, fc.nat(), ([report, steps], cut) => {
        const { events } = run(report, steps);
        const full = fold(events);
        const k = events.length === 0 ? 0 : cut % (events.length + 1);
        // The snapshot goes through JSON like a stored one; folding on must not touch the original.
        const snapshot = fold(events.slice(0, k));
        const frozen = JSON.stringify(snapshot);
        expect(fold(events.slice(k), JSON.parse(frozen) as CaseState)).toEqual(full);
        expect(fold(events.slice(k), snapshot)).toEqual(full);
        expect(JSON.stringify(snapshot)).toBe(frozen);
        const stored = JSON.parse(JSON.stringify(events)) as Parameters<typeof upcast>[0][];
        expect(fold(stored.map(upcast))).toEqual(full);
      }),
      params,
    );
  });

  it('never moves a deadline earlier when a pause ends', () => {
    fc.assert(
      fc.property(sequences, ([report, steps]) => {
        for (const { before, after, produced } of run(report, steps).trail) {
          for (const e of produced) {
            if (e.type !== 'ClockResumed') continue;
            for (const s of e.data.shifts) {
              expect(Date.parse(s.dueAt.to)).toBeGreaterThanOrEqual(Date.parse(s.dueAt.from));
              expect(Date.parse(s.reminderAt.to)).toBeGreaterThanOrEqual(Date.parse(s.reminderAt.from));
            }
            if (isActive(before) && isActive(after)) {
              for (const item of Object.values(before.items)) {
                const later = after.items[item!.id];
                if (item?.dueAt !== undefined && later?.openedAt === item.openedAt && later?.dueAt !== undefined) {
                  expect(later.dueAt).toBeGreaterThanOrEqual(item.dueAt);
                }
              }
            }
          }
        }
      }),
      params,
    );
  });

  it('never changes the end of a clinical window, unless a correction of the intake moves its incident', () => {
    fc.assert(
      fc.property(sequences, ([report, steps]) => {
        const ends = new Map<string, number>();
        for (const { after, produced } of run(report, steps).trail) {
          if (after.status === 'none') continue;
          if (produced.some((e) => e.type === 'IntakeCorrected')) ends.clear();
          for (const w of Object.values(after.windows)) {
            if (!w) continue;
            if (!ends.has(w.id)) ends.set(w.id, w.endsAt);
            expect(w.endsAt).toBe(ends.get(w.id));
          }
        }
      }),
      params,
    );
  });

  it('leaves nothing due behind a CheckClocks: the next wake-up is in the future', () => {
    fc.assert(
      fc.property(sequences, ([report, steps]) => {
        for (const { after, command: cmd, now } of run(report, steps).trail) {
          if (cmd.type !== 'CheckClocks') continue;
          const next = nextWakeUp(after);
          if (next !== undefined) expect(next).toBeGreaterThan(now);
        }
      }),
      params,
    );
  });

  it('finds, from the stuck triggers alone, the reasons stuckReasons gives at any instant (each edge ±1 ms too)', () => {
    const kinds = new Set<string>();
    let pushed = 0;
    fc.assert(
      fc.property(sequences, fc.array(fc.integer({ min: -days(2), max: days(20) }), { minLength: 3, maxLength: 6 }), ([report, steps], offsets) => {
        for (const { after, now } of run(report, steps).trail) {
          const triggers = stuckTriggers(after);
          const edges = triggers.flatMap((t) => [t.from, t.since, t.pushedFrom]).filter((x): x is number => typeof x === 'number');
          const instants = [...offsets.map((o) => now + o), ...edges.flatMap((x) => [x - 1, x, x + 1])];
          for (const t of instants) {
            const expected = stuckReasons(after, t);
            expect(stuckReasonsAt(triggers, t)).toEqual(expected);
            for (const reason of expected) kinds.add(reason.kind);
            if (triggers.some((x) => x.pushedFrom !== undefined && (x.from ?? -Infinity) <= t)) pushed++;
          }
        }
      }),
      { numRuns: 100 },
    );
    expect([...kinds].sort()).toEqual(['closure_awaiting_approval', 'consent_blocked', 'escalation_unacknowledged', 'inactivity', 'past_deadline']);
    expect(pushed).toBeGreaterThan(0); // a deadline a running pause keeps pushing was checked
  });

  it('tells, from the triggers, how the reasons move with the clock until they next change (a cache of them stays right)', () => {
    let moved = 0;
    let bounded = 0;
    fc.assert(
      fc.property(sequences, fc.array(fc.integer({ min: -days(2), max: days(20) }), { minLength: 2, maxLength: 4 }), ([report, steps], offsets) => {
        for (const { after, now } of run(report, steps).trail) {
          const triggers = stuckTriggers(after);
          const edges = triggers.flatMap((t) => [t.from, t.since, t.pushedFrom]).filter((x): x is number => typeof x === 'number');
          for (const t of [...offsets.map((o) => now + o), ...edges.flatMap((x) => [x - 1, x, x + 1])]) {
            const { moving, changesAt } = stuckReasonClock(triggers, t);
            const at = stuckReasonsAt(triggers, t);
            expect(moving).toHaveLength(at.length);
            // Every instant up to the change (edges, a step before it, and further on when nothing changes).
            const later = Number.isFinite(changesAt) ? [t, t + 1, Math.floor((t + changesAt) / 2), changesAt - 1] : [t, t + 1, t + days(30)];
            for (const u of later.filter((x) => x >= t && x < changesAt)) {
              const expected = at.map((reason, i) => (moving[i] === null ? reason : { ...reason, since: new Date(u + moving[i]!).toISOString() }));
              expect(stuckReasonsAt(triggers, u)).toEqual(expected);
            }
            if (Number.isFinite(changesAt)) {
              bounded++;
              expect(changesAt).toBeGreaterThan(t);
            }
            if (moving.some((m) => m !== null)) moved++;
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(moved).toBeGreaterThan(0);
    expect(bounded).toBeGreaterThan(0);
  });

  it('keeps personal data out of event data and timeline lines', () => {
    fc.assert(
      fc.property(sequences, ([report, steps]) => {
        for (const e of run(report, steps).events) {
          const visible = JSON.stringify(e.data) + describeEvent(e);
          expect(visible).not.toMatch(/Nguyễn|10-5555-0101|private note|danger to life|assault by employer/);
        }
      }),
      params,
    );
  });
});

describe('the random sequences', () => {
  it('reach deep into the procedure (so the properties above test something)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequences, ([report, steps]) => {
        for (const e of run(report, steps).events) seen.add(e.type);
      }),
      { numRuns: 1000 },
    );
    for (const type of ['ClockResumed', 'TaskOpened', 'TaskBlockedOnConsent', 'TaskCancelled', 'TaskCompleted', 'CaseEscalated', 'EscalationAcknowledged', 'ClinicalWindowClosed', 'CaseClosed', 'CaseReopened', 'ActionPlanAgreed'] as const) {
      expect(seen).toContain(type);
    }
  });
});
