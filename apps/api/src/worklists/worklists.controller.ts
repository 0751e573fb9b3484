import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { CASE_STAFF } from '../auth/roles';
import { scopeOf } from '../auth/scope';
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
    return this.worklists.mine(actor.userId, cursor, limit, scopeOf(actor));
  }

  /** The cases the caller may see (a caseworker: theirs; a supervisor: their missions'; HQ: all), filtered, nearest deadline first. */
  @Get('cases')
  mission(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<WorklistRow>> {
    return this.worklists.mission(parseInput(missionListQuerySchema, query, 'query'), scopeOf(actor));
  }
}
