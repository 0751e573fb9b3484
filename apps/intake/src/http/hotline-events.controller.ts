// POST /v1/hotline-events: the hotline contract for hotlines without Kafka. Same parser, same case id from
// (source, eventId), same idempotency: a repeated POST answers with the same case. A refused body is stored
// in the rejection store (as a dead letter would be) and answered with problem details naming paths and codes.
import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Counter } from 'prom-client';
import { CONTRACT_VERSION_HEADER } from '@baoho/messaging';
import { Allow, HttpProblem } from '@baoho/http';
import { HotlineIntake, type IntakeResult } from '../hotline/hotline-intake';
import { INTAKE_OUTCOMES } from '../intake-metrics';
import { RejectionStore } from '../rejections/rejection-store';

export interface HotlineAccepted {
  readonly caseId: string;
  /**
   * `opened`; a repeat within the case's current history is answered the same way (same update id, same
   * result). `duplicate` when the report's case had already moved on (its history continued as new).
   */
  readonly outcome: 'opened' | 'duplicate';
}

/** For hotline systems without Kafka, each with its own token (role hotline_integration). */
@Allow('hotline_integration')
@Controller('v1/hotline-events')
export class HotlineEventsController {
  constructor(
    private readonly intake: HotlineIntake,
    private readonly rejections: RejectionStore,
    @Inject(INTAKE_OUTCOMES) private readonly outcomes: Counter<'via' | 'outcome'>,
  ) {}

  @Post()
  @HttpCode(201)
  async receive(
    @Body() body: unknown,
    @Headers(CONTRACT_VERSION_HEADER) contractVersion: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HotlineAccepted> {
    const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const result = await this.intake.receive(raw, contractVersion);
    this.outcomes.inc({ via: 'http', outcome: result.kind });
    if (result.kind === 'duplicate') response.status(200);
    return answer(result, async (reason) => {
      const rejectionId = await this.rejections.record({ via: 'http', payload: raw }, reason);
      return rejectionId;
    });
  }
}

/** The HTTP answer to an intake result (shared with the replay of a rejection). */
export async function answer(
  result: IntakeResult,
  storeRefusal: (reason: Extract<IntakeResult, { kind: 'refused' }>['reason']) => Promise<string | undefined>,
): Promise<HotlineAccepted> {
  switch (result.kind) {
    case 'opened':
    case 'duplicate':
      return { caseId: result.caseId, outcome: result.kind };
    case 'refused': {
      const rejectionId = await storeRefusal(result.reason);
      const issues = 'issues' in result.reason ? result.reason.issues : undefined;
      throw new HttpProblem(
        result.reason.code.startsWith('CASE_REFUSED_') ? 422 : 400,
        result.reason.code,
        'Hotline event refused',
        result.reason.message,
        { ...(issues ? { issues } : {}), ...(rejectionId ? { rejectionId } : {}) },
      );
    }
    case 'unavailable':
      throw new HttpProblem(503, 'TEMPORAL_UNAVAILABLE', 'Case engine unavailable', 'nothing was opened; send the same event again', {}, 5);
  }
}
