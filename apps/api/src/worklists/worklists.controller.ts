import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { CASE_STAFF } from '../auth/roles';
import { parseInput } from '../http/parse-body';
import { missionListQuerySchema, myCasesQuerySchema, WorklistQuery, type Page, type WorklistRow } from './worklist-query';

@Allow(...CASE_STAFF)
@Controller('v1')
export class WorklistsController {
  constructor(private readonly worklists: WorklistQuery) {}

  /** The caller's own cases, nearest deadline first. */
  @Get('my-cases')
  mine(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<WorklistRow>> {
    const { cursor, limit } = parseInput(myCasesQuerySchema, query, 'query');
    return this.worklists.mine(actor.userId, cursor, limit);
  }

  /** A mission's cases with filters, nearest deadline first. */
  @Get('cases')
  mission(@CurrentActor() _actor: Actor, @Query() query: unknown): Promise<Page<WorklistRow>> {
    return this.worklists.mission(parseInput(missionListQuerySchema, query, 'query'));
  }
}
