// docs/openapi.json is generated from the code; this fails when the committed copy drifts.
// BAOHO_WRITE_CONTRACTS=1 rewrites it instead (then review the diff).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { AuditController } from '../src/audit/audit.controller';
import { MeController } from '../src/me/me.controller';
import { COMMAND_ROUTES } from '../src/cases/command-routes';
import { CasesController } from '../src/cases/cases.controller';
import { renderDocsPage } from '../src/openapi/docs-page';
import { API_CONTRIBUTIONS, buildOpenApiDocument } from '../src/openapi/openapi-document';
import { OpenApiController } from '../src/openapi/openapi.controller';
import { SearchController } from '../src/search/search.controller';
import { StaffController } from '../src/staff/staff.controller';
import { SupervisionController } from '../src/supervision/supervision.controller';
import { WorklistsController } from '../src/worklists/worklists.controller';

const committed = path.resolve(__dirname, '../../../docs/openapi.json');
const write = process.env.BAOHO_WRITE_CONTRACTS === '1';

type Operation = { operationId: string; security?: Array<Record<string, string[]>>; parameters?: Array<{ $ref?: string; name?: string; in?: string }>; responses: Record<string, { $ref?: string }>; requestBody?: unknown };

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ path: p, method, op: op as Operation })));

  it('docs/openapi.json is the document of the code', () => {
    const expected = `${JSON.stringify(doc, null, 2)}\n`;
    if (write) writeFileSync(committed, expected);
    expect(readFileSync(committed, 'utf8')).toBe(expected);
  });

  it('is OpenAPI 3.1 and every $ref in it resolves', () => {
    expect(doc['openapi']).toBe('3.1.0');
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs.map((r) => r.slice(8, -1)))) {
      const [hash, components, section, name] = ref.split('/');
      expect({ ref, ok: hash === '#' && components === 'components' && name !== undefined && name in (doc.components[section!] ?? {}) }).toEqual({ ref, ok: true });
    }
  });

  it('has a POST for every command route of the table, with the route’s body schema and summary', () => {
    const schemas = doc.components['schemas'] as Record<string, unknown>;
    for (const route of COMMAND_ROUTES) {
      const op = doc.paths[`/v1/cases/{caseId}/${route.path}`]?.post as (Operation & { summary: string }) | undefined;
      expect({ path: route.path, summary: op?.summary }).toEqual({ path: route.path, summary: route.summary });
      expect(schemas[`${route.type}Body`]).toEqual(expect.objectContaining({ type: 'object' }));
    }
  });

  it('has every route the controllers declare (the generic command routes stand for the table)', () => {
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    const controllers = [CasesController, WorklistsController, SearchController, SupervisionController, AuditController, MeController, StaffController, OpenApiController];
    for (const controller of controllers) {
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as unknown as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const route = `/${[base, sub].filter((part) => part && part !== '/').join('/')}`.replace(/:([A-Za-z]+)/g, '{$1}');
        if (route.startsWith('/v1/cases/{caseId}/{action}')) continue;
        expect(documented).toContain(`${method} ${route}`);
      }
    }
  });

  it('gives every operation a unique id, problem-details errors, the headers it needs, and the bearer scheme under /v1', () => {
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length);
    const problem = (doc.components['responses'] as Record<string, { content: Record<string, unknown> }>)['BadRequest']!;
    expect(Object.keys(problem.content)).toEqual(['application/problem+json']);
    for (const { path: p, method, op } of operations) {
      const refs = (op.parameters ?? []).map((parameter) => parameter.$ref);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '503']));
      if (method === 'post') expect({ p, refs }).toEqual({ p, refs: expect.arrayContaining(['#/components/parameters/IdempotencyKey']) });
      if (p.startsWith('/v1/')) {
        expect({ p, security: op.security }).toEqual({ p, security: [{ bearerAuth: [] }] });
        expect(Object.keys(op.responses)).toContain('401');
      } else {
        expect({ p, security: op.security }).toEqual({ p, security: [] });
      }
    }
  });

  it('takes the query parameters from the zod query schemas', () => {
    const names = (p: string) => (doc.paths[p]?.get as Operation).parameters!.filter((x) => x.in === 'query').map((x) => x.name);
    expect(names('/v1/cases')).toEqual(['mission', 'stage', 'risk', 'category', 'status', 'overdue', 'escalated', 'assigned', 'cursor', 'limit']);
    expect(names('/v1/my-cases')).toEqual(['cursor', 'limit']);
    expect(names('/v1/search')).toEqual(['name', 'phone', 'passport', 'limit', 'cursor']);
    expect(names('/v1/staff')).toEqual(['mission', 'role']);
  });

  it('refuses two contributions describing the same operation', () => {
    expect(() => buildOpenApiDocument([...API_CONTRIBUTIONS, API_CONTRIBUTIONS[0]!])).toThrow(/described twice/);
  });

  it('renders /docs as a page listing every operation and schema, escaped', () => {
    const html = renderDocsPage(doc);
    for (const { op } of operations) expect(html).toContain(`id="op-${op.operationId}"`);
    for (const name of Object.keys(doc.components['schemas'] as object)) expect(html).toContain(`id="schema-${name}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!baoho\.dev|json-schema\.org)/);
  });
});
