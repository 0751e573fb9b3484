import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { OVERSEERS } from '../auth/roles';
import { missionFilter, scopeOf } from '../auth/scope';
import { parseInput } from '../http/parse-body';
import { ListResponder, listKey } from '../lists/list-responder';
import type { ListPage } from '../lists/page-body';
import { IndicatorsQuery, indicatorsQuerySchema, type Indicators } from './indicators-query';
import { SupervisionQuery, supervisionListQuerySchema, type ScopedListQuery } from './supervision-query';

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

  /** Stuck cases (PROTOCOL.md), most severe first, each with its reasons and how long it has been stuck. */
  @Get('stuck-cases')
  stuck(@CurrentActor() actor: Actor, @Query() query: unknown, @Res() response: Response): Promise<void> {
    return this.list('stuck-cases', actor, query, response, (input, withExpiry) => this.supervision.stuckPage(input, withExpiry));
  }

  /** Escalated steps and tasks not acknowledged, highest level first. */
  @Get('escalations')
  escalations(@CurrentActor() actor: Actor, @Query() query: unknown, @Res() response: Response): Promise<void> {
    return this.list('escalations', actor, query, response, (input) => this.supervision.escalationsPage(input));
  }

  /** Open cases per caseworker. */
  @Get('workload')
  workload(@CurrentActor() actor: Actor, @Query() query: unknown, @Res() response: Response): Promise<void> {
    return this.list('workload', actor, query, response, (input) => this.supervision.workloadPage(input));
  }

  /** Closures waiting for approval, oldest first. */
  @Get('closures/pending')
  pendingClosures(@CurrentActor() actor: Actor, @Query() query: unknown, @Res() response: Response): Promise<void> {
    return this.list('closures/pending', actor, query, response, (input) => this.supervision.pendingClosuresPage(input));
  }

  /** The protocol's indicators over the cases opened in [from, to). */
  @Get('indicators')
  compute(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Indicators> {
    const input = parseInput(indicatorsQuerySchema, query, 'query');
    return this.indicators.compute(input, missionFilter(scopeOf(actor), input.mission));
  }

  /**
   * A supervisors' list through the list cache. Its answer depends on the missions the caller may see, the cursor
   * and the limit only (the key: the role was checked by @Allow, and these lists have no per-user part), and on
   * the clock (each page's expiry and holes).
   */
  private list(
    name: string,
    actor: Actor,
    query: unknown,
    response: Response,
    page: (input: ScopedListQuery, withExpiry: boolean) => Promise<ListPage>,
  ): Promise<void> {
    const input = scoped(actor, parseInput(supervisionListQuerySchema, query, 'query'));
    const key = listKey(name, input.missions, input.cursor ?? null, input.limit);
    return this.lists.send(response, key, input.missions, (withExpiry) => page(input, withExpiry));
  }
}
