import { Controller, Get, Query } from '@nestjs/common';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { parseInput } from '../http/parse-body';
import { auditQuerySchema, ReadAudit, type AuditEntry } from './read-audit';

/** GET /v1/audit/reads: the read audit, newest first, for auditors and administrators only. */
@Allow('auditor', 'admin')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: ReadAudit) {}

  @Get('reads')
  reads(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    return this.audit.list(parseInput(auditQuerySchema, query, 'query'), actor);
  }
}
