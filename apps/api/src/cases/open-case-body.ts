// A case opened by hand (walk-in, e-mail, referral): the hotline contract's fields, minus what the hotline
// itself supplies (its event id and source), plus how the person came to the mission.
import { z } from 'zod';
import { CONTACT_CHANNELS, GBV_TYPES, PROTECTION_CATEGORIES, VULNERABILITIES } from '@baoho/domain';
import { storableText } from '../http/storable-text';

const optionalText = (max: number) => storableText(z.string().trim().min(1).max(max)).nullish();
const instant = z.iso.datetime({ offset: true });

export const openCaseBodySchema = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  reportedAt: instant.optional(),
  caller: z.strictObject({
    relation: z.enum(['self', 'family', 'friend', 'employer', 'ngo', 'other']),
    phone: z.string().regex(/^\+?[0-9][0-9 ()./-]{2,31}$/).nullish(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/).nullish(),
  }),
  subject: z.strictObject({
    fullName: storableText(z.string().trim().min(1).max(200)),
    sex: z.enum(['F', 'M', 'X']),
    dateOfBirth: z.iso.date().nullish(),
    passportNumber: z.string().regex(/^[A-Za-z0-9]{5,20}$/).nullish(),
    hometownProvince: optionalText(100),
  }),
  location: z.strictObject({ countryCode: z.string().regex(/^[A-Z]{2}$/), city: optionalText(100) }),
  categories: z.array(z.enum(PROTECTION_CATEGORIES)).min(1).max(PROTECTION_CATEGORIES.length),
  gbvType: z.enum(GBV_TYPES).nullish(),
  incidentAt: instant.nullish(),
  incidentTimeEstimated: z.boolean().optional(),
  immediateDanger: z.boolean(),
  minor: z.boolean(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).optional(),
  narrative: storableText(z.string().max(20_000)).optional(),
});

export type OpenCaseBody = z.output<typeof openCaseBodySchema>;
