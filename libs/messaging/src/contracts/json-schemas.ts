// The published JSON Schemas (draft-07, the dialect AsyncAPI 3.0 schemas extend), generated from the zod
// contracts so the documents cannot say something the code does not enforce. Unit tests compare the files
// under docs/ with these.
import { z } from 'zod';
import { caseEventV1Schema } from './case-event.v1';
import { hotlineCallV1Schema } from './hotline-call.v1';
import { notificationV1Schema } from './notification.v1';

export type JsonSchema = Record<string, unknown>;

const SCHEMA_BASE_URI = 'https://github.com/baoho/baoho/blob/main/docs/contracts/';

/** `io: 'input'`: what a producer may send (optional fields optional, as on the wire). */
const generate = (schema: z.ZodType, file: string): JsonSchema => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema;
  return { $schema, $id: `${SCHEMA_BASE_URI}${file}`, ...rest };
};

export const CONTRACT_SCHEMAS = {
  'hotline-call.v1.schema.json': () => generate(hotlineCallV1Schema, 'hotline-call.v1.schema.json'),
  'case-event.v1.schema.json': () => generate(caseEventV1Schema, 'case-event.v1.schema.json'),
  'notification.v1.schema.json': () => generate(notificationV1Schema, 'notification.v1.schema.json'),
} as const satisfies Record<string, () => JsonSchema>;

export type ContractSchemaFile = keyof typeof CONTRACT_SCHEMAS;

export const hotlineCallV1JsonSchema = (): JsonSchema => CONTRACT_SCHEMAS['hotline-call.v1.schema.json']();
export const caseEventV1JsonSchema = (): JsonSchema => CONTRACT_SCHEMAS['case-event.v1.schema.json']();
export const notificationV1JsonSchema = (): JsonSchema => CONTRACT_SCHEMAS['notification.v1.schema.json']();
