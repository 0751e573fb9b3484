import { operation, type OpenApiContribution } from '../openapi/openapi-spec';

const TAG = 'me';

export const meOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Who the bearer token says the caller is.' },
  paths: {
    '/v1/me': {
      get: operation(TAG, {
        operationId: 'me',
        summary: 'The caller: user id, role and missions, from the token (any role).',
        description:
          'Call it after sign-in: a caseworker, supervisor or HQ officer is recorded in the staff directory then (role and missions ' +
          'from the token, seen now; a member an admin deactivated stays deactivated), which is what lets a case be assigned or shared to them.',
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
