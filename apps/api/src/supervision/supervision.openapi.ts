// The supervisors' lists in the OpenAPI document; their query parameters are the zod schemas the handlers use.
import { operation, type JsonSchema, type OpenApiContribution } from '../openapi/openapi-spec';
import { indicatorsQuerySchema } from './indicators-query';
import { supervisionListQuerySchema } from './supervision-query';

const TAG = 'supervision';

const page = (description: string): JsonSchema => ({
  type: 'object',
  description,
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: ['string', 'null'] } },
});

const list = (operationId: string, summary: string, description: string) =>
  operation(TAG, {
    operationId,
    summary,
    description: 'Supervisors and HQ officers only (role supervisor or hq_officer).',
    query: supervisionListQuerySchema,
    success: { status: 200, description, schema: page(description) },
    problems: [403],
  });

const CLINICAL_CARE_SHARE: JsonSchema = {
  type: 'object',
  description:
    'Care inside one clinical window: `share` = `withCare` / `cases`, over the cases in which the window was open to the mission. ' +
    'Windows that had closed before she called (`closedBeforeIntake`) or before the incident time was known (`closedBeforeKnown`) are no miss of the mission: not in `cases`, counted apart.',
  required: ['windowHours', 'gbvTypes', 'cases', 'withCare', 'share', 'closedBeforeIntake', 'closedBeforeKnown'],
  properties: {
    windowHours: { type: 'integer' },
    gbvTypes: { type: 'array', items: { type: 'string' } },
    cases: { type: 'integer', minimum: 0 },
    withCare: { type: 'integer', minimum: 0 },
    share: { type: ['number', 'null'], minimum: 0, maximum: 1 },
    closedBeforeIntake: { type: 'integer', minimum: 0 },
    closedBeforeKnown: { type: 'integer', minimum: 0 },
  },
};

const INDICATORS: JsonSchema = {
  type: 'object',
  required: ['mission', 'from', 'to', 'casesOpened', 'medicalCareWithin72h', 'emergencyContraceptionWithin120h', 'firstContactByRisk', 'overdueByStep'],
  properties: {
    mission: { type: ['string', 'null'] },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    casesOpened: { type: 'integer', minimum: 0 },
    medicalCareWithin72h: { ...CLINICAL_CARE_SHARE, description: `HIV post-exposure prophylaxis within 72 h of the incident. ${String(CLINICAL_CARE_SHARE.description)}` },
    emergencyContraceptionWithin120h: { ...CLINICAL_CARE_SHARE, description: `Emergency contraception within 120 h of the incident. ${String(CLINICAL_CARE_SHARE.description)}` },
    firstContactByRisk: { type: 'array', items: { type: 'object' } },
    overdueByStep: { type: 'array', items: { type: 'object' } },
  },
};

export const supervisionOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'What supervisors watch: stuck cases, escalations, workload, closures to approve, indicators.' },
  paths: {
    '/v1/stuck-cases': { get: list('listStuckCases', 'Stuck cases, most severe first, with their reasons.', 'A page of stuck cases.') },
    '/v1/escalations': { get: list('listEscalations', 'Escalated steps and tasks not acknowledged, highest level first.', 'A page of escalations.') },
    '/v1/workload': { get: list('listWorkload', 'Open cases per caseworker.', 'A page of caseworkers with their counts, and the unassigned count.') },
    '/v1/closures/pending': { get: list('listPendingClosures', 'Closures waiting for approval, oldest first.', 'A page of pending closures.') },
    '/v1/indicators': {
      get: operation(TAG, {
        operationId: 'computeIndicators',
        summary: 'The protocol’s indicators over the cases opened in [from, to).',
        description: 'Supervisors and HQ officers only (role supervisor or hq_officer).',
        query: indicatorsQuerySchema,
        success: { status: 200, description: 'The indicators.', schema: INDICATORS },
        problems: [403],
      }),
    },
  },
};
