import { operation, type OpenApiContribution } from '../openapi/openapi-spec';

const TAG = 'me';

export const meOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Who the bearer token says the caller is.' },
  paths: {
    '/v1/me': {
      get: operation(TAG, {
        operationId: 'me',
        summary: 'The caller: user id, role and missions, from the token (any role).',
        success: {
          status: 200,
          description: 'The caller.',
          schema: {
            type: 'object',
            required: ['user', 'role', 'missions'],
            properties: { user: { type: 'string' }, role: { type: 'string' }, missions: { type: 'array', items: { type: 'string' } } },
          },
        },
      }),
    },
  },
};
