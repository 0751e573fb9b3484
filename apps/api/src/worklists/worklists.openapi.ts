// The worklists in the OpenAPI document; their query parameters are the zod query schemas the handlers use.
import { operation, schemaRef, type JsonSchema, type OpenApiContribution } from '../openapi/openapi-spec';
import { missionListQuerySchema, myCasesQuerySchema } from './worklist-query';

const TAG = 'worklists';

const WORKLIST_PAGE: JsonSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['caseId', 'mission', 'stage', 'status', 'risk', 'assignee', 'escalationLevel', 'nextDueAt', 'overdue', 'lastActivityAt', 'categories'],
        properties: {
          caseId: { type: 'string' },
          mission: { type: 'string' },
          stage: { type: 'string' },
          status: { type: 'string', enum: ['open', 'closure_requested', 'closed'] },
          risk: { type: 'string' },
          assignee: { type: ['string', 'null'] },
          escalationLevel: { type: 'integer', minimum: 0, maximum: 3 },
          nextDueAt: { type: ['string', 'null'], format: 'date-time' },
          overdue: { type: 'boolean' },
          lastActivityAt: { type: 'string', format: 'date-time' },
          categories: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    nextCursor: { type: ['string', 'null'], description: 'Pass unchanged as `cursor` for the next page; null on the last.' },
  },
};

export const worklistsOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Worklists from the read model, nearest deadline first, with keyset pagination.' },
  paths: {
    '/v1/my-cases': {
      get: operation(TAG, {
        operationId: 'listMyCases',
        summary: 'The caller’s own open cases, nearest deadline first.',
        query: myCasesQuerySchema,
        success: { status: 200, description: 'A page.', schema: schemaRef('WorklistPage') },
      }),
    },
    '/v1/cases': {
      get: operation(TAG, {
        operationId: 'listMissionCases',
        summary: 'A mission’s cases with filters, nearest deadline first.',
        description:
          'The cases in the caller’s scope, filtered. Ordered by the nearest deadline first (`nextDueAt` ascending; cases with no running ' +
          'deadline last), then by case id; `nextCursor` continues that order. `assigned=false` is the queue of cases with no assignee yet, ' +
          '`assigned=true` those with one.',
        query: missionListQuerySchema,
        success: { status: 200, description: 'A page.', schema: schemaRef('WorklistPage') },
      }),
    },
  },
  schemas: { WorklistPage: WORKLIST_PAGE },
};
