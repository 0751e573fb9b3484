// Cases for the people who work them: open one by hand, read one, and send it any command of the protocol.
// Every change goes to the case's workflow as an update and answers with the new case view.
// A case is read in two parts: its reading (codes, clocks, timeline: polled, not audited) and its personal part
// (read once per page opening and again when the version moves; every read of it recorded in the audit first).
import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor, OpenCase } from '@baoho/domain';
import { Allow, HttpProblem } from '@baoho/http';
import type { PersonCommand } from '@baoho/workflows';
import { ReadAudit } from '../audit/read-audit';
import { CaseAccess, caseNotFound } from '../auth/case-access';
import { mayCommand } from '../auth/command-roles';
import { CurrentActor } from '../auth/current-actor';
import { personalReadNeedsReason, reasonRequired } from '../auth/personal-read';
import { CASE_STAFF } from '../auth/roles';
import { inScope, scopeOf } from '../auth/scope';
import { parseInput } from '../http/parse-body';
import { respond } from '../http/respond';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { requireNamedStaff } from '../staff/named-staff';
import { StaffDirectory } from '../staff/staff-directory';
import { CaseGateway } from './case-gateway';
import { CaseReader, type CasePersonalReading, type CaseReading } from './case-reader';
import { COMMAND_ROUTES, commandRouteByPath } from './command-routes';
import { breakGlassBodySchema } from './break-glass-body';
import { openCaseBodySchema, type OpenCaseBody } from './open-case-body';

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

@Allow(...CASE_STAFF)
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly gateway: CaseGateway,
    private readonly reader: CaseReader,
    private readonly idempotency: IdempotencyService,
    private readonly access: CaseAccess,
    private readonly audit: ReadAudit,
    private readonly staff: StaffDirectory,
  ) {}

  @Post()
  async open(
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const idempotencyKey = IdempotencyService.requireKey(key);
    const input = parseInput(openCaseBodySchema, body);
    const commandId = IdempotencyService.commandId(actor.userId, idempotencyKey);
    const stored = await this.idempotency.run(actor.userId, idempotencyKey, { route: 'open', input }, async () => {
      // A walk-in's case number: derived from the key, so a retry before the first answer names the same case.
      const caseId = `wk-${commandId.slice(4, 28)}`;
      const view = await this.gateway.open(toOpenCase(caseId, commandId, actor, input));
      return { status: 201, body: view };
    });
    respond(response, stored);
  }

  /**
   * The case without its personal part: only in the caller's scope. It carries no personal value, so it is not
   * recorded in the read audit (like the lists), and a console may poll it.
   */
  @Get(':caseId')
  @Header('Cache-Control', 'no-store')
  async read(@CurrentActor() actor: Actor, @Param('caseId') rawCaseId: string): Promise<CaseReadingFor> {
    const caseId = requireCaseId(rawCaseId);
    await this.access.visible(actor, caseId);
    return { ...(await this.reader.read(caseId)), permittedCommands: permittedCommands(actor.role) };
  }

  /**
   * The personal part alone: in the caller's scope, and for headquarters only in the missions its token names
   * (elsewhere 403 REASON_REQUIRED: break-glass). Each call is recorded in the read audit before anything is read.
   */
  @Get(':caseId/personal')
  @Header('Cache-Control', 'no-store')
  async readPersonal(@CurrentActor() actor: Actor, @Param('caseId') rawCaseId: string): Promise<CasePersonalReading> {
    const caseId = requireCaseId(rawCaseId);
    const facts = await this.access.visible(actor, caseId);
    if (personalReadNeedsReason(actor, facts)) throw reasonRequired(caseId);
    await this.audit.record({ actor, caseId, caseMission: facts.mission, part: 'case', purpose: actor.role === 'caseworker' ? 'case_work' : 'oversight', breakGlass: false });
    return this.reader.readPersonal(caseId);
  }

  /**
   * A read outside the caller's scope, asked for explicitly with a reason: a BreakGlassRead event goes through
   * the case's workflow (the supervisor is notified via protection.notifications.v1, without the reason), the
   * read is recorded in the audit with its reason, then the case is returned with its personal part. The
   * Idempotency-Key deduplicates the event; every call is a read and is recorded. No command is offered on a case
   * outside the caller's scope. Headquarters reads the personal part of another mission's case this way.
   */
  @Allow('caseworker', 'supervisor', 'hq_officer')
  @Post(':caseId/break-glass')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async breakGlass(
    @CurrentActor() actor: Actor,
    @Param('caseId') rawCaseId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
  ): Promise<CaseReadingFor> {
    const caseId = requireCaseId(rawCaseId);
    const idempotencyKey = IdempotencyService.requireKey(key);
    const { reason } = parseInput(breakGlassBodySchema, body ?? {});
    const facts = await this.access.facts(caseId);
    if (!facts) throw caseNotFound(caseId);
    const commandId = IdempotencyService.commandId(actor.userId, idempotencyKey);
    await this.gateway.send(caseId, { type: 'RecordBreakGlass', commandId, actor, reason } as PersonCommand);
    await this.audit.record({ actor, caseId, caseMission: facts.mission, part: 'case', purpose: 'break_glass', breakGlass: true, reason });
    const inOwnScope = inScope(scopeOf(actor), facts);
    return { ...(await this.reader.readWithPersonal(caseId)), permittedCommands: inOwnScope ? permittedCommands(actor.role) : [] };
  }

  /**
   * Erasure is the platform admin's. An admin works no cases, so no case is in their scope: the case only has to
   * exist (and the admin's reading of it stays impossible: erasure returns the view without personal data).
   */
  @Allow('admin')
  @Post(':caseId/erasure')
  erase(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    return this.send(actor, caseId, 'erasure', key, body, response, 'exists');
  }

  @Post(':caseId/:action')
  command(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('action') action: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    return this.send(actor, caseId, action, key, body, response);
  }

  @Post(':caseId/:action/:detail')
  commandWithDetail(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('action') action: string,
    @Param('detail') detail: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    return this.send(actor, caseId, `${action}/${detail}`, key, body, response);
  }

  private async send(
    actor: Actor,
    rawCaseId: string,
    path: string,
    key: string | undefined,
    body: unknown,
    response: Response,
    check: 'scope' | 'exists' = 'scope',
  ): Promise<void> {
    const caseId = requireCaseId(rawCaseId);
    const route = commandRouteByPath.get(path);
    if (!route) throw new HttpProblem(404, 'NOT_FOUND', 'Not found', `no command at ${path}`);
    // Scope first (a case you may not see does not exist for you), then the role (403 for what you may never do).
    const facts = check === 'scope' ? await this.access.visible(actor, caseId) : await this.access.facts(caseId);
    if (!facts) throw caseNotFound(caseId);
    if (!mayCommand(actor.role, route.type)) {
      throw new HttpProblem(403, 'FORBIDDEN_ROLE', 'Not allowed for this role', `${route.path} is not for ${actor.role}`);
    }
    const idempotencyKey = IdempotencyService.requireKey(key);
    const input = parseInput(route.body, body ?? {});
    const commandId = IdempotencyService.commandId(actor.userId, idempotencyKey);
    const stored = await this.idempotency.run(actor.userId, idempotencyKey, { caseId, path, input }, async () => {
      // Inside the key's run: a retry of an accepted assignment replays its answer even if the person left since.
      await requireNamedStaff(this.staff, route.type, input, facts.mission);
      const command = { ...input, type: route.type, commandId, actor } as unknown as PersonCommand;
      return { status: 200, body: await this.gateway.send(caseId, command) };
    });
    respond(response, stored);
  }
}

/** A case reading with the commands (route paths) the caller's role may send to it. */
export type CaseReadingFor = CaseReading & { readonly permittedCommands: readonly string[] };

function permittedCommands(role: string): string[] {
  return COMMAND_ROUTES.filter((route) => mayCommand(role, route.type)).map((route) => route.path);
}

function requireCaseId(caseId: string): string {
  if (!CASE_ID.test(caseId)) throw new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', 'not a case id');
  return caseId;
}

function toOpenCase(caseId: string, commandId: string, actor: Actor, input: OpenCaseBody): OpenCase {
  return {
    type: 'OpenCase',
    commandId,
    actor,
    caseId,
    source: 'walk_in',
    channel: input.channel,
    reportedAt: input.reportedAt ?? new Date().toISOString(),
    callerRelation: input.caller.relation,
    ...(input.caller.language ? { language: input.caller.language } : {}),
    countryCode: input.location.countryCode,
    ...(input.location.city ? { city: input.location.city } : {}),
    categories: input.categories,
    ...(input.gbvType ? { gbvType: input.gbvType } : {}),
    incidentAt: input.incidentAt ?? null,
    ...(input.incidentTimeEstimated !== undefined ? { incidentTimeEstimated: input.incidentTimeEstimated } : {}),
    immediateDanger: input.immediateDanger,
    minor: input.minor,
    ...(input.vulnerabilities ? { vulnerabilities: input.vulnerabilities } : {}),
    personal: {
      caller: { phone: input.caller.phone ?? null },
      subject: {
        fullName: input.subject.fullName,
        sex: input.subject.sex,
        dateOfBirth: input.subject.dateOfBirth ?? null,
        passportNumber: input.subject.passportNumber ?? null,
        hometownProvince: input.subject.hometownProvince ?? null,
      },
      narrative: input.narrative ?? null,
    },
  };
}
