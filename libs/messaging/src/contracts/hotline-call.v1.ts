// The hotline event, contract version 1 (PROTOCOL.md, "Hotline event"). This schema checks shape only;
// values impossible at a given time (an incident in the future…) are checked by impossible-values.ts,
// because they depend on `now` and cannot be expressed in a published JSON Schema.
import { z } from 'zod';
import {
  CALLER_RELATIONS_V1,
  GBV_TYPES_V1,
  HOTLINE_CHANNELS_V1,
  PROTECTION_CATEGORIES_V1,
  SEX_MARKERS_V1,
} from './vocabulary.v1';

export const HOTLINE_CALLS_V1_TOPIC = 'hotline.calls.v1';

// Strict objects: an unknown field is refused rather than silently dropped, so a misspelt optional field
// (`dateofBirth`) reaches an operator through the DLQ instead of losing a fact about a survivor.
const instant = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();

export const hotlineCallerV1Schema = z.strictObject({
  relation: z.enum(CALLER_RELATIONS_V1),
  phone: z.string().regex(/^\+?[0-9][0-9 ()./-]{2,31}$/).nullish(),
  /** BCP 47 language tag, e.g. `vi`, `vi-VN`. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/).nullish(),
});

export const hotlineSubjectV1Schema = z.strictObject({
  fullName: z.string().trim().min(1).max(200),
  sex: z.enum(SEX_MARKERS_V1),
  dateOfBirth: z.iso.date().nullish(),
  passportNumber: z.string().regex(/^[A-Za-z0-9]{5,20}$/).nullish(),
  hometownProvince: optionalText(100),
});

export const hotlineLocationV1Schema = z.strictObject({
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  city: optionalText(100),
});

export const hotlineCallV1Schema = z
  .strictObject({
    /** Optional explicit contract version; the topic name already says v1. */
    schemaVersion: z.literal(1).optional(),
    /** The hotline's own id of this report: the idempotency key (one case per eventId). */
    eventId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/),
    occurredAt: instant,
    /** Which hotline system sent it. */
    source: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    channel: z.enum(HOTLINE_CHANNELS_V1),
    caller: hotlineCallerV1Schema,
    subject: hotlineSubjectV1Schema,
    location: hotlineLocationV1Schema,
    categories: z.array(z.enum(PROTECTION_CATEGORIES_V1)).min(1).max(PROTECTION_CATEGORIES_V1.length),
    gbvType: z.enum(GBV_TYPES_V1).nullable(),
    /** When the incident happened, when known or estimated; null when unknown. */
    incidentAt: instant.nullable(),
    immediateDanger: z.boolean(),
    minor: z.boolean(),
    narrative: z.string().max(20_000),
  })
  .meta({
    title: 'HotlineCallV1',
    description:
      'A report received by a hotline (topic hotline.calls.v1, key = eventId). Carries personal data: ' +
      'consumed only by the intake, never forwarded.',
  });

export type HotlineCallV1 = z.infer<typeof hotlineCallV1Schema>;
