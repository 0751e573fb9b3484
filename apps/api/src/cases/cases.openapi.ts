// The cases endpoints in the OpenAPI document: opening a walk-in, reading a case, and one path per row of the
// command table (so a new command is documented, and fuzzed, by adding its row).
import { operation, jsonSchemaOf, schemaRef, type JsonSchema, type OpenApiContribution, type PathItem } from '../openapi/openapi-spec';
import { breakGlassBodySchema } from './break-glass-body';
import { COMMAND_ROUTES } from './command-routes';
import { openCaseBodySchema } from './open-case-body';

const TAG = 'cases';

const CASE_VIEW: JsonSchema = {
  type: 'object',
  description: 'The case as its workers see it now: codes and times, every clock, consent, and (when read by id) its personal part.',
  required: ['caseId', 'status', 'stage', 'risk', 'missionCode', 'protocolVersion', 'openedAt', 'openItems', 'clocks', 'escalationLevel'],
  properties: {
    caseId: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closure_requested', 'closed'] },
    stage: { type: 'string' },
    risk: { type: 'string' },
    missionCode: { type: 'string' },
    assignee: { type: 'string' },
    protocolVersion: { type: 'string' },
    openedAt: { type: 'string', format: 'date-time' },
    openItems: { type: 'array', items: { type: 'object' } },
    clocks: { type: 'array', items: { type: 'object' } },
    waitingForConsent: { type: 'array', items: { type: 'object' } },
    clinicalWindows: { type: 'array', items: { type: 'object' } },
    consent: { type: 'object' },
    escalationLevel: { type: 'integer', minimum: 0, maximum: 3 },
    stuck: { type: 'array', items: { type: 'string' } },
    personal: { type: 'object' },
  },
  additionalProperties: true,
};

const CASE_READING: JsonSchema = {
  type: 'object',
  required: ['case', 'version', 'timeline', 'permittedCommands'],
  properties: {
    case: schemaRef('CaseView'),
    permittedCommands: {
      type: 'array',
      description: 'The command paths (POST /v1/cases/{caseId}/<path>) the caller’s role may send to this case; empty on a break-glass read.',
      items: { type: 'string' },
    },
    version: { type: 'integer', minimum: 1 },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'at', 'type', 'text', 'facts'],
        properties: {
          version: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
          type: { type: 'string' },
          by: { type: 'string' },
          text: { type: 'string', description: 'The line in plain English (times in UTC).' },
          facts: {
            type: 'object',
            description: 'The codes, counts and ISO times the line is made of (never personal data), for a client to write it in its own language and time zone.',
            additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] },
          },
        },
      },
    },
  },
};

const bodySchemaName = (type: string): string => `${type}Body`;

const commandPaths: Record<string, PathItem> = Object.fromEntries(
  COMMAND_ROUTES.map((route) => [
    `/v1/cases/{caseId}/${route.path}`,
    {
      post: operation(TAG, {
        operationId: route.type.charAt(0).toLowerCase() + route.type.slice(1),
        summary: route.summary,
        description: `The ${route.type} command, sent to the case's workflow as an update. Answers with the new case view.`,
        idempotent: true,
        pathParameters: ['caseId'],
        body: { schema: schemaRef(bodySchemaName(route.type)), required: false },
        success: { status: 200, description: 'Done: the case as it is now.', schema: schemaRef('CaseView') },
        problems: [403, 404, 409, 422],
      }),
    },
  ]),
);

export const casesOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Open a case by hand, read one, and send it any command of the protocol.' },
  paths: {
    '/v1/cases': {
      post: operation(TAG, {
        operationId: 'openCase',
        summary: 'Open a case for a walk-in, e-mail or referral report.',
        idempotent: true,
        body: { schema: schemaRef('OpenCaseBody') },
        success: { status: 201, description: 'Opened (or, for a repeated key, the first answer).', schema: schemaRef('CaseView') },
        problems: [403, 409, 422],
      }),
    },
    '/v1/cases/{caseId}': {
      get: operation(TAG, {
        operationId: 'readCase',
        summary: 'Read a case: its view, personal part included, and its timeline in plain words.',
        pathParameters: ['caseId'],
        success: { status: 200, description: 'The case.', schema: schemaRef('CaseReading') },
        description: 'Only a case in the caller’s scope (a caseworker: assigned or shared to them; a supervisor: their missions; HQ: all); any other is a 404. The read is recorded in the read audit before the case is returned.',
        problems: [403, 404],
      }),
    },
    '/v1/cases/{caseId}/break-glass': {
      post: operation(TAG, {
        operationId: 'breakGlassRead',
        summary: 'Read a case outside your scope in an emergency, with a reason (caseworker, supervisor, HQ officer).',
        description:
          'Recorded in the read audit with its reason and flagged break-glass; the mission’s supervisor is notified ' +
          '(protection.notifications.v1, kind break_glass_read, without the reason). The Idempotency-Key deduplicates ' +
          'the recorded event; every call is a read and is audited.',
        idempotent: true,
        pathParameters: ['caseId'],
        body: { schema: schemaRef('BreakGlassBody') },
        success: { status: 200, description: 'The case, as a case reading with no commands offered.', schema: schemaRef('CaseReading') },
        problems: [403, 404],
      }),
    },
    ...commandPaths,
  },
  schemas: {
    CaseView: CASE_VIEW,
    CaseReading: CASE_READING,
    OpenCaseBody: jsonSchemaOf(openCaseBodySchema),
    BreakGlassBody: jsonSchemaOf(breakGlassBodySchema),
    ...Object.fromEntries(COMMAND_ROUTES.map((route) => [bodySchemaName(route.type), jsonSchemaOf(route.body)])),
  },
};
