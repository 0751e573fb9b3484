import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from '@baoho/http';
import { CasesController } from '../../../apps/api/src/cases/cases.controller';
import { COMMAND_ROUTES } from '../../../apps/api/src/cases/command-routes';
import { rolesFor } from '../../../apps/api/src/auth/command-roles';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, callerHeaders, walkIn, type Caller } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { registerStaff } from '../../support/staff';
import { uniqueTaskQueue } from '../../support/temporal';

// Every operation of the running api's own /openapi.json (so a new endpoint joins the day it is documented) ×
// every role × in scope / out of scope: 401 without a token, 403 for a role the route (or the command) does not
// name, 404 for a case outside the caller's scope, and through the gate otherwise (any answer but 401/403/404
// and never a 5xx). Then break-glass: the only way to read out of scope, audited with its reason, relayed to
// the supervisor as a notice, and the audit itself for auditors only.
jest.setTimeout(300_000);

type Json = Record<string, unknown>;
type Verdict = 'allowed' | 401 | 403 | 404;

const MISSION = 'KR-SEL';
const callers: Record<string, Caller & { inScope: boolean }> = {
  'caseworker, assigned': { userId: 'cw-in', role: 'caseworker', missions: [MISSION], inScope: true },
  'caseworker, not assigned': { userId: 'cw-other', role: 'caseworker', missions: [MISSION], inScope: false },
  'caseworker, other mission': { userId: 'cw-far', role: 'caseworker', missions: ['KR-PUS'], inScope: false },
  'supervisor, same mission': { userId: 'sup-in', role: 'supervisor', missions: [MISSION], inScope: true },
  'supervisor, other mission': { userId: 'sup-far', role: 'supervisor', missions: ['KR-PUS'], inScope: false },
  'hq officer': { userId: 'hq-1', role: 'hq_officer', missions: ['HQ'], inScope: true },
  'hq officer, desk of the mission': { userId: 'hq-sel', role: 'hq_officer', missions: ['HQ', MISSION], inScope: true },
  'hotline integration': { userId: 'hotline-acme', role: 'hotline_integration', missions: [], inScope: false },
  auditor: { userId: 'aud-1', role: 'auditor', missions: [MISSION], inScope: false },
  admin: { userId: 'adm-1', role: 'admin', missions: [], inScope: false },
};

/** The command a documented path sends, when it is one of the generic command routes. */
const commandAt = (path: string) => COMMAND_ROUTES.find((route) => path === `/v1/cases/{caseId}/${route.path}`);

/** What the Nest route table declares for a documented operation (the generic command routes for the table's). */
function declaredRoles(method: string, path: string): readonly string[] | 'public' {
  // The probes and metrics live in the shared observability module (tests/…/declared-access proves them public).
  if (path === '/health' || path === '/health/live' || path === '/metrics') return 'public';
  const generic = commandAt(path) ? (path.split('/').length === 6 ? '/v1/cases/{caseId}/{action}/{detail}' : '/v1/cases/{caseId}/{action}') : undefined;
  // A command with a handler of its own (erasure) is declared there; Express matches it before the generic route.
  return rolesDeclaredAt(method, path) ?? (generic ? rolesDeclaredAt(method, generic) : undefined) ?? noHandler(method, path);
}

function noHandler(method: string, path: string): never {
  throw new Error(`no handler for ${method} ${path}`);
}

function rolesDeclaredAt(method: string, routePath: string): readonly string[] | 'public' | undefined {
  const reflector = new Reflector();
  for (const controller of CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = (controller as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!.toLowerCase();
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const route = `/${[base, sub].filter((part) => part && part !== '/').join('/')}`.replace(/:([A-Za-z]+)/g, '{$1}');
      if (verb !== method || route !== routePath) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler as () => void, controller as never]);
      if (!rule) throw new Error(`${method} ${routePath} declares no access`);
      return rule.kind === 'public' ? 'public' : rule.roles;
    }
  }
  return undefined;
}

/** Routes that ask only that the case exists, not that it is in the caller's scope. */
const UNSCOPED_CASE_ROUTES = ['/v1/cases/{caseId}/break-glass', '/v1/cases/{caseId}/erasure'];

let CONTROLLERS: object[] = [];

/** HQ sees every case, but opens the personal part of one outside its token's missions only by break-glass. */
const reasonRequired = (path: string, caller: (typeof callers)[string]): boolean =>
  path === '/v1/cases/{caseId}/personal' && caller.role === 'hq_officer' && !(caller.missions ?? []).includes(MISSION);

/**
 * The gate's order: the route's roles (403), the case's scope (404, except break-glass and erasure), a reason for
 * HQ's personal read outside its missions (403), the command's roles (403).
 */
function expected(method: string, path: string, caller: (typeof callers)[string]): Verdict {
  const roles = declaredRoles(method, path);
  if (roles === 'public') return 'allowed';
  if (!roles.includes(caller.role)) return 403;
  if (path.includes('{caseId}') && !UNSCOPED_CASE_ROUTES.includes(path) && !caller.inScope) return 404;
  if (reasonRequired(path, caller)) return 403;
  const command = commandAt(path);
  if (command && !rolesFor(command.type).includes(caller.role as never)) return 403;
  return 'allowed';
}

describe('the access matrix: every endpoint × role × scope', () => {
  let db: TestDatabase;
  let pool: Pool;
  let apps: RunningApp[] = [];
  let api: RunningApp;
  let doc: { paths: Record<string, Record<string, Json>> };
  let caseId: string;

  beforeAll(async () => {
    const { WorklistsController } = await import('../../../apps/api/src/worklists/worklists.controller');
    const { SearchController } = await import('../../../apps/api/src/search/search.controller');
    const { SupervisionController } = await import('../../../apps/api/src/supervision/supervision.controller');
    const { AuditController } = await import('../../../apps/api/src/audit/audit.controller');
    const { MeController } = await import('../../../apps/api/src/me/me.controller');
    const { OpenApiController } = await import('../../../apps/api/src/openapi/openapi.controller');
    const { StaffController } = await import('../../../apps/api/src/staff/staff.controller');
    CONTROLLERS = [CasesController, WorklistsController, SearchController, SupervisionController, AuditController, MeController, StaffController, OpenApiController];

    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-access'), LOG_LEVEL: 'warn' };
    apps = await startReadyApps(['worker', 'api'], env, 120_000);
    api = apps[1]!;
    const client = apiClient(api.url);
    const supervisor = callers['supervisor, same mission']!;
    await registerStaff(client, [callers['caseworker, assigned']!, callers['caseworker, not assigned']!]);
    const opened = await client.post<{ caseId: string }>('/v1/cases', supervisor, walkIn());
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    expect((await client.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: 'cw-in' })).status).toBe(200);
    doc = (await client.get('/openapi.json')).body as unknown as typeof doc;
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await pool?.end();
    await db?.drop();
  });

  const send = async (method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: Json }> => {
    const url = `${api.url}${path.replace('{caseId}', caseId).replace('{userId}', 'cw-matrix-probe')}`;
    const withBody = method === 'post' || method === 'put';
    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers: { ...headers, ...(withBody ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}) },
      // A body off every schema: nothing changes, yet the answer shows whether the gate let the call through.
      ...(withBody ? { body: JSON.stringify({ matrixProbe: true }) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Json) : {} };
  };

  it('answers every documented operation for every role and scope as the rules say', async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method, path })));
    expect(operations.length).toBeGreaterThan(30);
    const mismatches: string[] = [];
    let checked = 0;
    for (const { method, path } of operations) {
      if (declaredRoles(method, path) === 'public') {
        const answer = await send(method, path, {});
        if (answer.status >= 400) mismatches.push(`${method} ${path} public → ${answer.status}`);
        continue;
      }
      const anonymous = await send(method, path, {});
      if (anonymous.status !== 401 || anonymous.body['code'] !== 'UNAUTHENTICATED') mismatches.push(`${method} ${path} no token → ${anonymous.status}`);
      for (const [who, caller] of Object.entries(callers)) {
        const want = expected(method, path, caller);
        const answer = await send(method, path, callerHeaders(caller));
        checked++;
        const got: Verdict | number = [401, 403, 404].includes(answer.status) ? (answer.status as Verdict) : answer.status < 500 ? 'allowed' : answer.status;
        if (got !== want) mismatches.push(`${method} ${path} as ${who}: expected ${want}, got ${answer.status} ${String(answer.body['code'])}`);
        if (answer.status === 404 && path.includes('{caseId}') && answer.body['code'] !== 'CASE_NOT_FOUND') mismatches.push(`${method} ${path} as ${who}: 404 ${String(answer.body['code'])}`);
        if (reasonRequired(path, caller) && answer.body['code'] !== 'REASON_REQUIRED') mismatches.push(`${method} ${path} as ${who}: ${answer.status} ${String(answer.body['code'])}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('filters the lists to the caller’s scope', async () => {
    const client = apiClient(api.url);
    for (const [who, caller] of Object.entries(callers)) {
      if (!['caseworker', 'supervisor', 'hq_officer'].includes(caller.role)) continue;
      const page = await client.get<{ items: Array<{ caseId: string }> }>('/v1/cases?limit=200', caller);
      expect({ who, listed: page.body.items.some((item) => item.caseId === caseId) }).toEqual({ who, listed: caller.inScope });
    }
  });

  it('reads out of scope only by break-glass: audited with its reason, the supervisor notified, no command offered', async () => {
    const client = apiClient(api.url);
    const far = callers['caseworker, other mission']!;
    expect((await client.get(`/v1/cases/${caseId}`, far)).status).toBe(404);
    const reason = 'Survivor called the Busan office in distress; her Seoul caseworker is unreachable.';
    const glass = await client.post<{ case: { caseId: string; personal?: unknown }; permittedCommands: string[] }>(`/v1/cases/${caseId}/break-glass`, far, { reason });
    expect(glass.status).toBe(200);
    expect(glass.body.case.caseId).toBe(caseId);
    expect(glass.body.case.personal).toBeDefined();
    expect(glass.body.permittedCommands).toEqual([]);
    // still no ordinary access afterwards
    expect((await client.get(`/v1/cases/${caseId}`, far)).status).toBe(404);
    // refused roles and a missing reason
    expect((await client.post(`/v1/cases/${caseId}/break-glass`, callers['auditor']!, { reason })).status).toBe(403);
    expect((await client.post(`/v1/cases/${caseId}/break-glass`, far, {})).status).toBe(400);

    // the event went through the workflow, recipient the mission's supervisor, no reason in its public data
    const { rows } = await pool.query(`SELECT data, metadata FROM events WHERE stream_id = $1 AND type = 'BreakGlassRead'`, [caseId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toMatchObject({ by: 'cw-far', role: 'caseworker', recipient: { role: 'supervisor' } });
    expect(JSON.stringify(rows[0].data)).not.toContain('Busan office');
    expect(rows[0].metadata).toMatchObject({ actor: 'cw-far', role: 'caseworker', missions: ['KR-PUS'] });

    // the audit: the ordinary reads of the personal part and the break-glass one, for auditors and admins only
    const inScope = callers['caseworker, assigned']!;
    expect((await client.get(`/v1/cases/${caseId}/personal`, inScope)).status).toBe(200);
    const auditor = callers['auditor']!;
    const broken = await client.get<{ items: Array<Json> }>(`/v1/audit/reads?caseId=${caseId}&breakGlass=true`, auditor);
    expect(broken.status).toBe(200);
    expect(broken.body.items).toEqual([expect.objectContaining({ userId: 'cw-far', role: 'caseworker', breakGlass: true, reason, reasonErased: false, purpose: 'break_glass', caseMission: MISSION })]);
    // stored sealed with the case's key: the table holds no word of it
    const { rows: stored } = await pool.query<{ reason: string }>(`SELECT reason FROM case_read_audit WHERE case_id = $1 AND break_glass`, [caseId]);
    expect(stored).toEqual([{ reason: expect.stringMatching(/^bh1\./) }]);
    expect(stored[0]!.reason).not.toContain('Busan');
    const byUser = await client.get<{ items: Array<Json> }>(`/v1/audit/reads?userId=cw-in`, callers['admin']!);
    expect(byUser.body.items.length).toBeGreaterThanOrEqual(1);
    expect(byUser.body.items.every((item) => item['userId'] === 'cw-in' && item['breakGlass'] === false)).toBe(true);
    const page1 = await client.get<{ items: Array<{ auditId: string }>; nextCursor: string | null }>(`/v1/audit/reads?caseId=${caseId}&limit=1`, auditor);
    expect(page1.body.nextCursor).toBe(page1.body.items[0]!.auditId);
    const page2 = await client.get<{ items: Array<{ auditId: string }> }>(`/v1/audit/reads?caseId=${caseId}&limit=1&cursor=${page1.body.nextCursor}`, auditor);
    expect(Number(page2.body.items[0]!.auditId)).toBeLessThan(Number(page1.body.items[0]!.auditId));
    expect((await client.get('/v1/audit/reads', inScope)).status).toBe(403);

    // append-only
    await expect(pool.query(`UPDATE case_read_audit SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM case_read_audit`)).rejects.toThrow(/append-only/);
  });

  it('shares a case with another caseworker of the mission, who then sees it; /v1/me says who is calling', async () => {
    const client = apiClient(api.url);
    const other = callers['caseworker, not assigned']!;
    expect((await client.get(`/v1/cases/${caseId}`, other)).status).toBe(404);
    expect((await client.post(`/v1/cases/${caseId}/shares`, callers['caseworker, assigned']!, { userId: 'cw-other' })).status).toBe(403);
    expect((await client.post(`/v1/cases/${caseId}/shares`, callers['supervisor, same mission']!, { userId: 'cw-other' })).status).toBe(200);
    const read = await client.get<{ permittedCommands: string[] }>(`/v1/cases/${caseId}`, other);
    expect(read.status).toBe(200);
    expect(read.body.permittedCommands).toEqual(expect.arrayContaining(['notes', 'contacts']));
    expect(read.body.permittedCommands).not.toContain('closure/approved');
    const me = await client.get('/v1/me', other);
    expect(me.body).toEqual({ user: 'cw-other', role: 'caseworker', missions: [MISSION] });
  });
});
