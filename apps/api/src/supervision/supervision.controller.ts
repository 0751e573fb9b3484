import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { OVERSEERS } from '../auth/roles';
import { missionFilter, scopeOf } from '../auth/scope';
import { parseInput } from '../http/parse-body';
import { ListResponder, listKey } from '../lists/list-responder';
import type { Page } from '../worklists/worklist-query';
import { IndicatorsQuery, indicatorsQuerySchema, type Indicators } from './indicators-query';
import {
  SupervisionQuery,
  supervisionListQuerySchema,
  type CaseworkerWorkload,
  type EscalationItem,
  type PendingClosure,
} from './supervision-query';

/** A list query narrowed to the caller's missions (a supervisor's; HQ sees all), in the query itself. */
const scoped = <Q extends { mission?: string | undefined }>(actor: Actor, query: Q): Q & { missions: readonly string[] | null } => ({
  ...query,
  missions: missionFilter(scopeOf(actor), query.mission),
});

@Allow(...OVERSEERS)
@Controller('v1')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionQuery,
    private readonly indicators: IndicatorsQuery,
    private readonly lists: ListResponder,
  ) {}

  /**
   * Stuck cases (PROTOCOL.md), most severe first, each with its reasons and how long it has been stuck. Served from
   * the list cache when unchanged: the answer depends on the missions the caller may see, the cursor and the limit
   * only (the key), and on the clock (the page's expiry and its holes).
   */
  @Get('stuck-cases')
  async stuck(@CurrentActor() actor: Actor, @Query() query: unknown, @Res() response: Response): Promise<void> {
    const input = scoped(actor, parseInput(supervisionListQuerySchema, query, 'query'));
    const key = listKey('stuck-cases', input.missions, input.cursor ?? null, input.limit);
    await this.lists.send(response, key, input.missions, (withExpiry) => this.supervision.stuckPage(input, withExpiry));
  }

  /** Escalated steps and tasks not acknowledged, highest level first. */
  @Get('escalations')
  escalations(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<EscalationItem>> {
    return this.supervision.escalations(scoped(actor, parseInput(supervisionListQuerySchema, query, 'query')));
  }

  /** Open cases per caseworker. */
  @Get('workload')
  workload(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<CaseworkerWorkload> & { unassigned: number }> {
    return this.supervision.workload(scoped(actor, parseInput(supervisionListQuerySchema, query, 'query')));
  }

  /** Closures waiting for approval, oldest first. */
  @Get('closures/pending')
  pendingClosures(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<PendingClosure>> {
    return this.supervision.pendingClosures(scoped(actor, parseInput(supervisionListQuerySchema, query, 'query')));
  }

  /** The protocol's indicators over the cases opened in [from, to). */
  @Get('indicators')
  compute(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Indicators> {
    const input = parseInput(indicatorsQuerySchema, query, 'query');
    return this.indicators.compute(input, missionFilter(scopeOf(actor), input.mission));
  }
}
