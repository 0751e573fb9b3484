import { Controller, Get, Query } from '@nestjs/common';
import type { Actor, Role } from '@baoho/domain';
import { HttpProblem } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { parseInput } from '../http/parse-body';
import type { Page } from '../worklists/worklist-query';
import { IndicatorsQuery, indicatorsQuerySchema, type Indicators } from './indicators-query';
import {
  SupervisionQuery,
  supervisionListQuerySchema,
  type CaseworkerWorkload,
  type EscalationItem,
  type PendingClosure,
  type StuckCase,
} from './supervision-query';

/** Who may read the supervisors' lists (the domain's roles that oversee cases). */
const SUPERVISING: readonly Role[] = ['supervisor', 'hq_duty_officer', 'head_of_mission'];

function supervising(actor: Actor): void {
  if (!SUPERVISING.includes(actor.role)) {
    throw new HttpProblem(403, 'FORBIDDEN_ROLE', 'Not allowed for this role', `only ${SUPERVISING.join(', ')} may read this`);
  }
}

@Controller('v1')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionQuery,
    private readonly indicators: IndicatorsQuery,
  ) {}

  /** Stuck cases (PROTOCOL.md), most severe first, each with its reasons and how long it has been stuck. */
  @Get('stuck-cases')
  stuck(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<StuckCase>> {
    supervising(actor);
    return this.supervision.stuck(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** Escalated steps and tasks not acknowledged, highest level first. */
  @Get('escalations')
  escalations(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<EscalationItem>> {
    supervising(actor);
    return this.supervision.escalations(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** Open cases per caseworker. */
  @Get('workload')
  workload(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<CaseworkerWorkload> & { unassigned: number }> {
    supervising(actor);
    return this.supervision.workload(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** Closures waiting for approval, oldest first. */
  @Get('closures/pending')
  pendingClosures(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<PendingClosure>> {
    supervising(actor);
    return this.supervision.pendingClosures(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** The protocol's indicators over the cases opened in [from, to). */
  @Get('indicators')
  compute(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Indicators> {
    supervising(actor);
    return this.indicators.compute(parseInput(indicatorsQuerySchema, query, 'query'));
  }
}
