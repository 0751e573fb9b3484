import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { OVERSEERS } from '../auth/roles';
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

@Allow(...OVERSEERS)
@Controller('v1')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionQuery,
    private readonly indicators: IndicatorsQuery,
  ) {}

  /** Stuck cases (PROTOCOL.md), most severe first, each with its reasons and how long it has been stuck. */
  @Get('stuck-cases')
  stuck(@CurrentActor() _actor: Actor, @Query() query: unknown): Promise<Page<StuckCase>> {
    return this.supervision.stuck(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** Escalated steps and tasks not acknowledged, highest level first. */
  @Get('escalations')
  escalations(@CurrentActor() _actor: Actor, @Query() query: unknown): Promise<Page<EscalationItem>> {
    return this.supervision.escalations(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** Open cases per caseworker. */
  @Get('workload')
  workload(@CurrentActor() _actor: Actor, @Query() query: unknown): Promise<Page<CaseworkerWorkload> & { unassigned: number }> {
    return this.supervision.workload(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** Closures waiting for approval, oldest first. */
  @Get('closures/pending')
  pendingClosures(@CurrentActor() _actor: Actor, @Query() query: unknown): Promise<Page<PendingClosure>> {
    return this.supervision.pendingClosures(parseInput(supervisionListQuerySchema, query, 'query'));
  }

  /** The protocol's indicators over the cases opened in [from, to). */
  @Get('indicators')
  compute(@CurrentActor() _actor: Actor, @Query() query: unknown): Promise<Indicators> {
    return this.indicators.compute(parseInput(indicatorsQuerySchema, query, 'query'));
  }
}
