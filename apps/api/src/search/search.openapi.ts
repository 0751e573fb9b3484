// Case search in the OpenAPI document; its query parameters are the zod schema the handler validates with.
import { operation, type OpenApiContribution } from '../openapi/openapi-spec';
import { searchQuerySchema } from './case-search';

const TAG = 'search';

export const searchOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Find a case by name (diacritics folded), phone or passport through the blind index.' },
  paths: {
    '/v1/search': {
      get: operation(TAG, {
        operationId: 'searchCases',
        summary: 'Find cases by exactly one of name, phone or passport.',
        description: 'Exactly one of `name`, `phone`, `passport`. Every word of a name must match.',
        query: searchQuerySchema,
        success: {
          status: 200,
          description: 'The matching cases, by case id.',
          schema: {
            type: 'object',
            required: ['items', 'nextCursor'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['caseId', 'mission', 'stage', 'status', 'risk', 'assignee', 'matchedBy'],
                  properties: {
                    caseId: { type: 'string' },
                    mission: { type: 'string' },
                    stage: { type: 'string' },
                    status: { type: 'string' },
                    risk: { type: 'string' },
                    assignee: { type: ['string', 'null'] },
                    matchedBy: { type: 'string', enum: ['name', 'phone', 'passport'] },
                  },
                },
              },
              nextCursor: { type: ['string', 'null'] },
            },
          },
        },
      }),
    },
  },
};
