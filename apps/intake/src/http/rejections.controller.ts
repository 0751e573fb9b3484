// Operators' view of refused hotline events: list them (reasons only), read one (with its payload, to correct
// it), and replay a corrected payload, which opens the case exactly as if the hotline had sent it right.
import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { Allow, HttpProblem } from '@baoho/http';
import { HotlineIntake } from '../hotline/hotline-intake';
import { INTAKE_OUTCOMES } from '../intake-metrics';
import { RejectionStore, type RejectionDetail, type RejectionSummary } from '../rejections/rejection-store';
import { answer, type HotlineAccepted } from './hotline-events.controller';

const MAX_PAGE = 200;

/** Administrators only: a rejection's payload is a hotline report as sent, personal data included. */
@Allow('admin')
@Controller('v1/rejections')
export class RejectionsController {
  constructor(
    private readonly intake: HotlineIntake,
    private readonly rejections: RejectionStore,
    @Inject(INTAKE_OUTCOMES) private readonly outcomes: Counter<'via' | 'outcome'>,
  ) {}

  @Get()
  async list(
    @Query('status') status?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<{ items: RejectionSummary[]; nextCursor: string | null }> {
    if (status !== undefined && status !== 'open' && status !== 'replayed') {
      throw new HttpProblem(400, 'INVALID_QUERY', 'Invalid query', 'status is open or replayed', { issues: [{ path: 'status', code: 'invalid_enum' }] });
    }
    if (cursor !== undefined && !/^\d{1,18}$/.test(cursor)) {
      throw new HttpProblem(400, 'INVALID_QUERY', 'Invalid query', 'cursor is the nextCursor of a previous page', { issues: [{ path: 'cursor', code: 'invalid' }] });
    }
    const size = limit === undefined ? 50 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
      throw new HttpProblem(400, 'INVALID_QUERY', 'Invalid query', `limit is 1–${MAX_PAGE}`, { issues: [{ path: 'limit', code: 'out_of_range' }] });
    }
    const items = await this.rejections.list({ status, after: cursor, limit: size });
    return { items, nextCursor: items.length === size ? items[items.length - 1]!.rejectionId : null };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<RejectionDetail> {
    const found = /^\d{1,18}$/.test(id) ? await this.rejections.get(id) : undefined;
    if (!found) throw new HttpProblem(404, 'REJECTION_NOT_FOUND', 'Not found', 'no such rejection');
    return found;
  }

  /** The body is the corrected hotline event. A replay that is refused again leaves the rejection open. */
  @Post(':id/replay')
  async replay(@Param('id') id: string, @Body() body: unknown): Promise<HotlineAccepted & { rejectionId: string }> {
    const found = /^\d{1,18}$/.test(id) ? await this.rejections.get(id) : undefined;
    if (!found) throw new HttpProblem(404, 'REJECTION_NOT_FOUND', 'Not found', 'no such rejection');
    // Erased with its case: nothing is left to correct, and a replay must not bring her report back in the clear.
    if (found.erased) {
      throw new HttpProblem(410, 'REJECTION_ERASED', 'Rejection erased', 'its payload was erased with its case; nothing can be replayed from it');
    }
    if (found.status === 'replayed') {
      throw new HttpProblem(409, 'ALREADY_REPLAYED', 'Already replayed', `it opened case ${found.replayedCaseId}`);
    }
    const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const result = await this.intake.receive(raw);
    this.outcomes.inc({ via: 'replay', outcome: result.kind });
    const accepted = await answer(result, async () => undefined);
    await this.rejections.markReplayed(id, accepted.caseId);
    return { ...accepted, rejectionId: id };
  }
}
