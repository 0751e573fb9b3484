// The building blocks of the OpenAPI 3.1 document: JSON Schemas from the zod schemas the handlers validate with
// (so the document cannot promise what the code does not enforce), and one way to describe an operation with
// the bearer security scheme, the Idempotency-Key and the problem-details responses every endpoint shares.
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, USER_ID_PATTERN } from '@baoho/http';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put';
export type Operation = Record<string, unknown>;
export type PathItem = Partial<Record<HttpMethod, Operation>>;

/**
 * What one endpoint module adds to the document: its tag, its paths and the schemas they reference. Each
 * controller exports one next to itself; `openapi-document.ts` gathers them.
 */
export interface OpenApiContribution {
  readonly tag: { readonly name: string; readonly description: string };
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly schemas?: Readonly<Record<string, JsonSchema>>;
}

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client must send it. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
}

export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** One query parameter per property of an object schema, with its own schema and whether it is required. */
export function queryParameters(schema: z.ZodType): Operation[] {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

/** The name of the security scheme every protected operation requires. */
export const BEARER_SCHEME = 'bearerAuth';

export const PROBLEM_STATUSES = {
  400: ['BadRequest', 'Invalid input: malformed JSON, a body, query or header off its schema (`issues` names the fields).'],
  401: ['Unauthenticated', 'No valid bearer token (missing, malformed, not RS256, badly signed, expired, or for another issuer or audience); a `WWW-Authenticate: Bearer` challenge is sent.'],
  403: ['Forbidden', 'The caller’s role may not do this (`FORBIDDEN_ROLE`), or the personal part of a case outside the caller’s missions must be read by break-glass with a reason (`REASON_REQUIRED`).'],
  404: ['NotFound', 'No such case, command or route.'],
  409: ['Conflict', 'The case is not in a state for this (closed, already paused, no closure requested…).'],
  413: ['TooLarge', 'The body is too large.'],
  415: ['UnsupportedMediaType', 'The body is not JSON in a supported charset.'],
  422: ['Unprocessable', 'Refused by the protocol, a person named who is not an active staff member of the case’s mission (`UNKNOWN_STAFF`), or the Idempotency-Key was used for another request.'],
  503: ['Unavailable', 'A dependency is down; nothing was changed. Retry after `Retry-After` seconds with the same Idempotency-Key.'],
} as const satisfies Record<number, readonly [string, string]>;
export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

const problemResponse = (status: ProblemStatus): Operation => ({ $ref: `#/components/responses/${PROBLEM_STATUSES[status][0]}` });

export interface OperationSpec {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** Default true: a bearer token is required (and 401 is possible). */
  readonly authenticated?: boolean;
  /** A POST that changes something: Idempotency-Key required. */
  readonly idempotent?: boolean;
  readonly pathParameters?: readonly string[];
  readonly query?: z.ZodType;
  readonly body?: { readonly schema: JsonSchema; readonly required?: boolean };
  readonly success: {
    readonly status: 200 | 201;
    readonly description: string;
    readonly schema?: JsonSchema;
    readonly contentType?: string;
    /** The answer must not be kept by any cache (it carries a case): `Cache-Control: no-store` is documented. */
    readonly noStore?: boolean;
  };
  /** Problem statuses besides 400 (always), 401 (when authenticated) and 503 (always). */
  readonly problems?: readonly ProblemStatus[];
}

export function operation(tag: string, spec: OperationSpec): Operation {
  const authenticated = spec.authenticated ?? true;
  const parameters = [
    ...(spec.pathParameters ?? []).map((name) => ({ $ref: `#/components/parameters/${name}` })),
    ...(spec.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ...(spec.query ? queryParameters(spec.query) : []),
  ];
  const statuses = new Set<ProblemStatus>([400, ...(authenticated ? [401 as const] : []), ...(spec.problems ?? []), 503]);
  if (spec.body) {
    statuses.add(413);
    statuses.add(415);
  }
  const responses: Record<string, Operation> = {
    [spec.success.status]: {
      description: spec.success.description,
      ...(spec.success.noStore ? { headers: { 'Cache-Control': { description: 'Always `no-store`.', schema: { type: 'string', const: 'no-store' } } } } : {}),
      ...(spec.success.schema ? { content: { [spec.success.contentType ?? 'application/json']: { schema: spec.success.schema } } } : {}),
    },
  };
  for (const status of [...statuses].sort((a, b) => a - b)) responses[status] = problemResponse(status);
  return {
    operationId: spec.operationId,
    tags: [tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: authenticated ? [{ [BEARER_SCHEME]: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: spec.body.required ?? true, content: { 'application/json': { schema: spec.body.schema } } } }
      : {}),
    responses,
  };
}

/** RFC 9457 problem details as this API sends them. */
export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. Branch on `code`; `detail` and `issues` never carry a personal value.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', examples: ['https://baoho.dev/problems/invalid-input'] },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', examples: ['INVALID_INPUT', 'CASE_NOT_FOUND', 'TEMPORAL_UNAVAILABLE'] },
    detail: { type: 'string' },
    instance: { type: 'string' },
    issues: {
      type: 'array',
      description: 'For INVALID_INPUT: each field off its schema, by path and zod issue code.',
      items: { type: 'object', required: ['path', 'code'], properties: { path: { type: 'string' }, code: { type: 'string' } } },
    },
  },
  additionalProperties: true,
};

export const PROBLEM_CONTENT = { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef('Problem') } };

/** The parts every operation refers to. */
export function sharedComponents(): Record<string, Record<string, unknown>> {
  const responses: Record<string, unknown> = {};
  for (const [status, [name, description]] of Object.entries(PROBLEM_STATUSES)) {
    responses[name] = {
      description,
      ...(status === '503' ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } } } } : {}),
      content: PROBLEM_CONTENT,
    };
  }
  return {
    securitySchemes: {
      [BEARER_SCHEME]: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An RS256 JWT from the configured issuer, for the configured audience, with `sub` (user id), `role` ' +
          '(caseworker, supervisor, hq_officer, hotline_integration, auditor, admin) and `missions` (mission codes).',
      },
    },
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: 'Required on every POST. The same key and body get the same response; the same key with another body is a 422.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
      },
      caseId: {
        name: 'caseId',
        in: 'path',
        required: true,
        description: 'The case number (an id that is not one is a 404).',
        schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
      },
      userId: {
        name: 'userId',
        in: 'path',
        required: true,
        description: 'A staff member’s user id: the `sub` of their bearer token.',
        schema: { type: 'string', pattern: USER_ID_PATTERN.source },
      },
    },
    responses,
    schemas: { Problem: PROBLEM_SCHEMA },
  };
}
