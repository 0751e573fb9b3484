// The staff directory in the OpenAPI document; the query and body schemas are the zod schemas the handlers use.
import { STAFF_ROLES } from '@baoho/domain';
import { jsonSchemaOf, operation, schemaRef, type JsonSchema, type OpenApiContribution } from '../openapi/openapi-spec';
import { staffListQuerySchema, staffRegistrationSchema } from './staff-input';

const TAG = 'staff';

const role: JsonSchema = { type: 'string', enum: [...STAFF_ROLES] };
const missions: JsonSchema = { type: 'array', items: { type: 'string' } };

const STAFF_LIST: JsonSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      description: 'Active members only, by `userId` (byte order).',
      items: {
        type: 'object',
        required: ['userId', 'role', 'missions', 'displayName'],
        properties: { userId: { type: 'string' }, role, missions, displayName: { type: ['string', 'null'] } },
      },
    },
  },
};

const STAFF_MEMBER: JsonSchema = {
  type: 'object',
  required: ['userId', 'role', 'missions', 'displayName', 'active'],
  properties: { userId: { type: 'string' }, role, missions, displayName: { type: ['string', 'null'] }, active: { type: 'boolean' } },
};

export const staffOpenApi: OpenApiContribution = {
  tag: { name: TAG, description: 'The staff directory: who a case may be assigned or shared to.' },
  paths: {
    '/v1/staff': {
      get: operation(TAG, {
        operationId: 'listStaff',
        summary: 'Active staff members of a mission (supervisor: their missions; HQ officer: any), by user id.',
        description:
          'Without `mission`, every mission the caller’s scope covers. A supervisor asking for a mission that is not theirs gets an empty list, ' +
          'as the other lists answer. Caseworkers are refused (403). Members join by signing in (`GET /v1/me`) or by an admin’s `PUT /v1/staff/{userId}`.',
        query: staffListQuerySchema,
        success: { status: 200, description: 'The members.', schema: schemaRef('StaffList') },
        problems: [403],
      }),
    },
    '/v1/staff/{userId}': {
      put: operation(TAG, {
        operationId: 'putStaffMember',
        summary: 'Register or change a staff member, or deactivate one who left (admin).',
        description:
          'Role and missions replace those recorded (a later sign-in writes the token’s again); `displayName` absent keeps the recorded one, null clears it. ' +
          '`active: false` takes the member off the lists and refuses new assignments and shares to them; a sign-in never reactivates them.',
        pathParameters: ['userId'],
        body: { schema: schemaRef('StaffRegistration') },
        success: { status: 200, description: 'The member as recorded.', schema: schemaRef('StaffMember') },
        problems: [403],
      }),
    },
  },
  schemas: { StaffList: STAFF_LIST, StaffMember: STAFF_MEMBER, StaffRegistration: jsonSchemaOf(staffRegistrationSchema) },
};
