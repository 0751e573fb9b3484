// The cases endpoints in the OpenAPI document: opening a walk-in, reading a case and its personal part, and one
// path per row of the command table (so a new command is documented, and fuzzed, by adding its row).
import { operation, jsonSchemaOf, schemaRef, type JsonSchema, type OpenApiContribution, type PathItem } from '../openapi/openapi-spec';
import { breakGlassBodySchema } from './break-glass-body';
import { COMMAND_ROUTES } from './command-routes';
import { openCaseBodySchema } from './open-case-body';

const TAG = 'cases';

const CASE_VIEW: JsonSchema = {
  type: 'object',
  description: 'The case as its workers see it now: codes and times, every clock, consent. Its personal part (`personal`) only in the answer of a break-glass read.',
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
    personal: schemaRef('CasePersonal'),
  },
  additionalProperties: true,
};

const nullableText = { type: ['string', 'null'] };

const CASE_PERSONAL: JsonSchema = {
  type: 'object',
  description:
    'The survivor’s personal data, opened with the case’s key. A value whose key was destroyed reads `[erased]`; ' +
    'after erasure there is no `intake`, `notes` is empty and `erasedAt` says when.',
  required: ['notes'],
  properties: {
    intake: {
      type: 'object',
      properties: {
        caller: { type: 'object', properties: { phone: nullableText } },
        subject: {
          type: 'object',
          properties: { fullName: nullableText, sex: nullableText, dateOfBirth: nullableText, passportNumber: nullableText, hometownProvince: nullableText },
        },
        narrative: nullableText,
      },
    },
    notes: {
      type: 'array',
      description: 'Oldest first.',
      items: {
        type: 'object',
        required: ['at', 'by', 'text'],
        properties: { at: { type: 'integer', description: 'Epoch milliseconds.' }, by: { type: 'string' }, text: { type: 'string' } },
      },
    },
    erasedAt: { type: 'integer', description: 'Epoch milliseconds of the erasure; absent until then.' },
  },
};

const CASE_PERSONAL_READING: JsonSchema = {
  type: 'object',
  required: ['caseId', 'version', 'personal'],
  properties: {
    caseId: { type: 'string' },
    version: { type: 'integer', minimum: 1, description: 'The case’s version it was read at: read it again only when the reading’s `version` moves.' },
    personal: schemaRef('CasePersonal'),
  },
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
        summary: 'Read a case: its view (codes, clocks, consent) and its timeline in plain words, without its personal part.',
        pathParameters: ['caseId'],
        success: { status: 200, description: 'The case, with no personal value in it (the timeline included).', schema: schemaRef('CaseReading'), noStore: true },
        description:
          'Only a case in the caller’s scope (a caseworker: assigned or shared to them; a supervisor: their missions; HQ: all); any other is a 404. ' +
          'It carries no personal data, so it is not recorded in the read audit and may be polled; read the personal part with ' +
          '`GET /v1/cases/{caseId}/personal` when the page opens and again when `version` moves.',
        problems: [403, 404],
      }),
    },
    '/v1/cases/{caseId}/personal': {
      get: operation(TAG, {
        operationId: 'readCasePersonal',
        summary: 'Read the personal part of a case: intake caller, subject and narrative, notes, and when it was erased.',
        pathParameters: ['caseId'],
        success: { status: 200, description: 'The personal part, with the version it was read at.', schema: schemaRef('CasePersonalReading'), noStore: true },
        description:
          'Only a case in the caller’s scope (else 404). An HQ officer reads it only for a case whose mission the token names; for any other ' +
          'the answer is 403 `REASON_REQUIRED`: read it by `POST /v1/cases/{caseId}/break-glass` with a reason. Every call is recorded in ' +
          'the read audit before the data is read (no record, no data).',
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
          'the recorded event; every call is a read and is audited. Also how an HQ officer reads the personal part of a ' +
          'case outside the missions of its token.',
        idempotent: true,
        pathParameters: ['caseId'],
        body: { schema: schemaRef('BreakGlassBody') },
        success: {
          status: 200,
          description: 'The case as a case reading WITH its personal part (`case.personal`); no command offered on a case outside the caller’s scope.',
          schema: schemaRef('CaseReading'),
          noStore: true,
        },
        problems: [403, 404],
      }),
    },
    ...commandPaths,
  },
  schemas: {
    CaseView: CASE_VIEW,
    CaseReading: CASE_READING,
    CasePersonal: CASE_PERSONAL,
    CasePersonalReading: CASE_PERSONAL_READING,
    OpenCaseBody: jsonSchemaOf(openCaseBodySchema),
    BreakGlassBody: jsonSchemaOf(breakGlassBodySchema),
    ...Object.fromEntries(COMMAND_ROUTES.map((route) => [bodySchemaName(route.type), jsonSchemaOf(route.body)])),
  },
};
