// What the staff endpoints accept: the list's query and an admin's registration, as zod schemas (the OpenAPI
// document is generated from the same).
import { z } from 'zod';
import { STAFF_ROLES } from '@baoho/domain';
import { MISSION_CODE_PATTERN, USER_ID_PATTERN } from '@baoho/http';
import { storableText } from '../http/storable-text';

export const staffListQuerySchema = z.strictObject({
  mission: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  role: z.enum(STAFF_ROLES).optional(),
});

/** A staff member's id: what their token's `sub` would be. */
export const staffUserIdSchema = z.string().regex(USER_ID_PATTERN);

export const staffRegistrationSchema = z.strictObject({
  role: z.enum(STAFF_ROLES),
  // The token's own rule for mission codes; duplicates are dropped.
  missions: z
    .array(z.string().regex(MISSION_CODE_PATTERN))
    .min(1)
    .max(32)
    .transform((missions) => [...new Set(missions)]),
  displayName: storableText(z.string().trim().min(1).max(120)).nullable().optional(),
  active: z.boolean(),
});
