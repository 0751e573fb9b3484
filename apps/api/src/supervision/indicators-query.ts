// The protocol's indicators for supervisors, computed in SQL over the read model and the log. The population is the
// cases OPENED in [from, to) (case_summary.opened_at), optionally of one mission. How each figure is computed:
//
// - medicalCareWithin72h (HIV PEP) and emergencyContraceptionWithin120h: one share per clinical window, each over the
//   cases in which that window was open to the mission (state.windows[w] opened at intake or when its incident time
//   became known: status open, care_recorded or closed), the share whose care for THAT window was recorded inside it
//   (status care_recorded; the domain refuses care after the window's end). A window that had already closed when
//   she called (closed_before_intake), or when its incident time became known (closed_before_known), is no miss of
//   the mission: it is out of the share and counted apart. Hours and GBV types come from the current protocol.
// - firstContactByRisk: per risk level (as the case stands now), the median (percentile_cont 0.5) of
//   state.contact.firstReachedAt − state.openedAt over the cases reached; `notReached` counts the others.
// - overdueByStep: per protocol step, over the steps that have had a clock (state.items with a dueAt, not
//   cancelled), the share that ended after their due time, or are still running past it now. The due time is the
//   one recorded (moved by pauses that have ended).
import type { Pool } from 'pg';
import { z } from 'zod';
import { CURRENT_PROTOCOL_VERSION, DAY, RISK_LEVELS, protocolFor, type ClinicalWindowId } from '@baoho/domain';
import { HttpProblem } from '@baoho/http';

export const indicatorsQuerySchema = z.strictObject({
  mission: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type IndicatorsInput = z.output<typeof indicatorsQuerySchema>;

/** Without `from`, the period is the 90 days before `to` (itself now by default). */
const DEFAULT_PERIOD = 90 * DAY;

/** The share of cases given care inside one clinical window, and the windows that closed before the mission could act. */
export interface ClinicalCareShare {
  readonly windowHours: number;
  readonly gbvTypes: readonly string[];
  /** Cases in which the window was open to the mission. */
  readonly cases: number;
  readonly withCare: number;
  readonly share: number | null;
  /** Cases whose window had closed before she called: not in `cases`. */
  readonly closedBeforeIntake: number;
  /** Cases whose window had closed before its incident time was known (a correction of the intake): not in `cases`. */
  readonly closedBeforeKnown: number;
}

export interface Indicators {
  readonly mission: string | null;
  readonly from: string;
  readonly to: string;
  readonly casesOpened: number;
  /** HIV post-exposure prophylaxis within its 72 h window (the field's name predates the second window). */
  readonly medicalCareWithin72h: ClinicalCareShare;
  readonly emergencyContraceptionWithin120h: ClinicalCareShare;
  readonly firstContactByRisk: ReadonlyArray<{ readonly risk: string; readonly reached: number; readonly notReached: number; readonly medianMs: number | null }>;
  readonly overdueByStep: ReadonlyArray<{ readonly step: string; readonly clocks: number; readonly overdue: number; readonly rate: number | null }>;
}

interface WindowRow {
  readonly window: string;
  readonly cases: number;
  readonly with_care: number;
  readonly closed_before_intake: number;
  readonly closed_before_known: number;
}

export class IndicatorsQuery {
  constructor(
    private readonly pool: Pool,
    private readonly clock: () => number = Date.now,
  ) {}

  async compute(query: IndicatorsInput, missions: readonly string[] | null = query.mission ? [query.mission] : null): Promise<Indicators> {
    const now = this.clock();
    const to = query.to ? Date.parse(query.to) : now;
    const from = query.from ? Date.parse(query.from) : to - DEFAULT_PERIOD;
    if (!(from < to)) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', 'the query does not match its schema', {
        issues: [{ path: 'from', code: 'from_not_before_to' }],
      });
    }
    const protocol = protocolFor(CURRENT_PROTOCOL_VERSION);
    const steps = Object.keys(protocol.steps);
    // $1 from, $2 to, $3 the missions counted (null: every mission; the caller's scope decides, see missionFilter)
    const population = `FROM case_summary c
      WHERE c.opened_at >= $1 AND c.opened_at < $2 AND ($3::text[] IS NULL OR c.mission = ANY($3::text[]))`;
    const args = [new Date(from), new Date(to), missions === null ? null : [...missions]];
    const [opened, care, contact, overdue] = await Promise.all([
      this.pool.query<{ n: number }>(`SELECT count(*)::int AS n ${population}`, args),
      this.pool.query<WindowRow>(
        `SELECT w.key AS window,
                count(*) FILTER (WHERE w.value->>'status' IN ('open', 'care_recorded', 'closed'))::int AS cases,
                count(*) FILTER (WHERE w.value->>'status' = 'care_recorded')::int AS with_care,
                count(*) FILTER (WHERE w.value->>'status' = 'closed_before_intake')::int AS closed_before_intake,
                count(*) FILTER (WHERE w.value->>'status' = 'closed_before_known')::int AS closed_before_known
           ${population.replace('FROM case_summary c', "FROM case_summary c CROSS JOIN LATERAL jsonb_each(c.state->'windows') AS w")}
          GROUP BY w.key`,
        args,
      ),
      this.pool.query<{ risk_level: string; reached: number; not_reached: number; median_ms: number | null }>(
        `SELECT c.risk_level,
                count(*) FILTER (WHERE c.state->'contact' ? 'firstReachedAt')::int AS reached,
                count(*) FILTER (WHERE NOT c.state->'contact' ? 'firstReachedAt')::int AS not_reached,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY (c.state->'contact'->>'firstReachedAt')::bigint - (c.state->>'openedAt')::bigint
                ) AS median_ms
           ${population} GROUP BY c.risk_level`,
        args,
      ),
      this.pool.query<{ step: string; clocks: number; overdue: number }>(
        `SELECT i.key AS step, count(*)::int AS clocks,
                count(*) FILTER (WHERE coalesce((i.value->>'endedAt')::bigint, $5::bigint) > (i.value->>'dueAt')::bigint)::int AS overdue
           ${population.replace('FROM case_summary c', 'FROM case_summary c CROSS JOIN LATERAL jsonb_each(c.state->\'items\') AS i')}
            AND i.value->>'kind' = 'step' AND i.value ? 'dueAt' AND i.value->>'status' <> 'cancelled' AND i.key = ANY($4::text[])
          GROUP BY i.key`,
        [...args, steps, now],
      ),
    ]);
    const careByWindow = new Map(care.rows.map((row) => [row.window, row]));
    const careIn = (window: ClinicalWindowId): ClinicalCareShare => {
      const def = protocol.clinicalWindows[window];
      const row = careByWindow.get(window);
      const cases = row?.cases ?? 0;
      const withCare = row?.with_care ?? 0;
      return {
        windowHours: def.hoursFromIncident,
        gbvTypes: [...def.opensFor],
        cases,
        withCare,
        share: cases ? withCare / cases : null,
        closedBeforeIntake: row?.closed_before_intake ?? 0,
        closedBeforeKnown: row?.closed_before_known ?? 0,
      };
    };
    const contactByRisk = new Map(contact.rows.map((row) => [row.risk_level, row]));
    const overdueByStep = new Map(overdue.rows.map((row) => [row.step, row]));
    return {
      mission: query.mission ?? null,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      casesOpened: opened.rows[0]?.n ?? 0,
      medicalCareWithin72h: careIn('hiv_pep'),
      emergencyContraceptionWithin120h: careIn('emergency_contraception'),
      firstContactByRisk: RISK_LEVELS.map((risk) => {
        const row = contactByRisk.get(risk);
        return {
          risk,
          reached: row?.reached ?? 0,
          notReached: row?.not_reached ?? 0,
          medianMs: row?.median_ms === null || row?.median_ms === undefined ? null : Number(row.median_ms),
        };
      }),
      overdueByStep: steps.map((step) => {
        const row = overdueByStep.get(step);
        return { step, clocks: row?.clocks ?? 0, overdue: row?.overdue ?? 0, rate: row?.clocks ? row.overdue / row.clocks : null };
      }),
    };
  }
}

