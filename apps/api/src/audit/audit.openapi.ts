import { operation, type OpenApiContribution } from '../openapi/openapi-spec';
import { auditQuerySchema } from './read-audit';

const TAG = 'audit';

export const auditOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'Who read which case’s personal data, when and why (auditors and administrators).' },
  paths: {
    '/v1/audit/reads': {
      get: operation(TAG, {
        operationId: 'listReads',
        summary: 'The read audit, newest first, by case, user, period and break-glass.',
        description:
          'Roles auditor and admin only. `cursor` is the `nextCursor` of the previous page. A page that opens break-glass reasons is itself recorded: one read (part `audit_reason`, purpose `audit`) of each case whose reason it shows.',
        query: auditQuerySchema,
        success: {
          status: 200,
          description: 'A page of recorded reads.',
          schema: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: ['string', 'null'] } } },
        },
        problems: [403],
      }),
    },
  },
};
