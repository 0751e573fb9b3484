import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { CASE_STAFF } from '../auth/roles';
import { missionFilter, scopeOf } from '../auth/scope';
import { ListResponder, listKey } from '../lists/list-responder';
import { parseInput } from '../http/parse-body';
import { missionListQuerySchema, myCasesQuerySchema, WorklistQuery, type Page, type WorklistRow } from './worklist-query';

@Allow(...CASE_STAFF)
@Controller('v1')
export class WorklistsController {
  constructor(
    private readonly worklists: WorklistQuery,
    private readonly lists: ListResponder,
  ) {}

  /** The caller's own cases, nearest deadline first. */
  @Get('my-cases')
  mine(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<Page<WorklistRow>> {
    const { cursor, limit } = parseInput(myCasesQuerySchema, query, 'query');
    return this.worklists.mine(actor.userId, cursor, limit, scopeOf(actor));
  }

  /** The cases the caller may see (a caseworker: theirs; a supervisor: their missions'; HQ: all), filtered, nearest deadline first. */
  // Served from the list cache when unchanged. The key is the caller's whole scope (kind, missions and, for a
  // caseworker, the user) and every parameter; a page is dropped on a change of any mission it may cover.
  @Get('cases')
  async mission(@CurrentActor() actor: Actor, @Query() query: unknown, @Res() response: Response): Promise<void> {
    const input = parseInput(missionListQuerySchema, query, 'query');
    const scope = scopeOf(actor);
    const key = listKey('cases', scope, input);
    await this.lists.send(response, key, missionFilter(scope, input.mission), async () => (await this.worklists.missionPage(input, scope)).listPage);
  }
}
