import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { CASE_STAFF } from '../auth/roles';
import { scopeOf } from '../auth/scope';
import { parseInput } from '../http/parse-body';
import { CaseSearch, searchQuerySchema, type SearchHit } from './case-search';

@Allow(...CASE_STAFF)
@Controller('v1/search')
export class SearchController {
  constructor(private readonly search: CaseSearch) {}

  /** `?name=nguyen thi hoa`, `?phone=010-5555-0101` or `?passport=C1234567`: one of them. */
  @Get()
  find(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<{ items: SearchHit[]; nextCursor: string | null }> {
    return this.search.find(parseInput(searchQuerySchema, query, 'query'), scopeOf(actor));
  }
}
