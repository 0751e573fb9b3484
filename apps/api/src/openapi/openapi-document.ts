// The API's OpenAPI 3.1 document, generated from the code: each endpoint module contributes its paths (a
// `*.openapi.ts` next to its controller) and they are gathered here. docs/openapi.json is a committed copy that a
// unit test keeps identical (BAOHO_WRITE_CONTRACTS=1 rewrites it); the fuzz test walks it to reach every endpoint.
import { auditOpenApi } from '../audit/audit.openapi';
import { casesOpenApi } from '../cases/cases.openapi';
import { meOpenApi } from '../me/me.openapi';
import { searchOpenApi } from '../search/search.openapi';
import { staffOpenApi } from '../staff/staff.openapi';
import { supervisionOpenApi } from '../supervision/supervision.openapi';
import { worklistsOpenApi } from '../worklists/worklists.openapi';
import { sharedComponents, type OpenApiContribution, type PathItem } from './openapi-spec';
import { operationsOpenApi } from './operations.openapi';

export const OPENAPI_VERSION = '3.1.0';
export const API_VERSION = '1.0.0';

/** Every endpoint module of the api app: a new controller exports its `*.openapi.ts` contribution and adds it here. */
export const API_CONTRIBUTIONS: readonly OpenApiContribution[] = [
  casesOpenApi,
  worklistsOpenApi,
  searchOpenApi,
  supervisionOpenApi,
  auditOpenApi,
  meOpenApi,
  staffOpenApi,
  operationsOpenApi,
];

export type OpenApiDocument = Record<string, unknown> & {
  readonly paths: Record<string, PathItem>;
  readonly components: Record<string, Record<string, unknown>>;
};

export function buildOpenApiDocument(contributions: readonly OpenApiContribution[] = API_CONTRIBUTIONS): OpenApiDocument {
  const shared = sharedComponents();
  const paths: Record<string, PathItem> = {};
  const schemas: Record<string, unknown> = { ...shared.schemas };
  for (const contribution of contributions) {
    for (const [path, item] of Object.entries(contribution.paths)) {
      for (const method of Object.keys(item)) {
        if (paths[path]?.[method as keyof PathItem]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
      }
      paths[path] = { ...paths[path], ...item };
    }
    for (const [name, schema] of Object.entries(contribution.schemas ?? {})) {
      if (name in schemas) throw new Error(`OpenAPI: schema ${name} is defined twice`);
      schemas[name] = schema;
    }
  }
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  const sortedSchemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'baoho case API',
      version: API_VERSION,
      summary: 'Citizen-protection and GBV cases: open, read, command, and the worklists.',
      description:
        'Every change to a case is a command sent to its workflow. Every POST needs an `Idempotency-Key`. ' +
        'Every error is RFC 9457 problem details (`application/problem+json`) with a stable `code`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: contributions.map((contribution) => contribution.tag),
    paths: sortedPaths,
    components: { ...shared, schemas: sortedSchemas },
  };
}
