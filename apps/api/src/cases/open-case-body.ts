// A case opened by hand (walk-in, e-mail, referral): the hotline contract's fields, minus what the hotline
// itself supplies (its event id and source), plus how the person came to the mission.
import { z } from 'zod';
import { CONTACT_CHANNELS, GBV_TYPES, PROTECTION_CATEGORIES, VULNERABILITIES } from '@baoho/domain';
import { storableText } from '../http/storable-text';
import { OPEN_CASE_RULES as R } from './open-case-rules';

const optionalText = (max: number) => storableText(z.string().trim().min(1).max(max)).nullish();
const instant = z.iso.datetime({ offset: true });

export const openCaseBodySchema = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  reportedAt: instant.optional(),
  caller: z.strictObject({
    relation: z.enum(R.callerRelations),
    phone: z.string().regex(R.phone).nullish(),
    language: z.string().regex(R.language).nullish(),
  }),
  subject: z.strictObject({
    fullName: storableText(z.string().trim().min(1).max(R.fullNameMax)),
    sex: z.enum(R.sexes),
    dateOfBirth: z.iso.date().nullish(),
    passportNumber: z.string().regex(R.passportNumber).nullish(),
    hometownProvince: optionalText(R.hometownProvinceMax),
  }),
  location: z.strictObject({ countryCode: z.string().regex(R.countryCode), city: optionalText(R.cityMax) }),
  categories: z.array(z.enum(PROTECTION_CATEGORIES)).min(1).max(PROTECTION_CATEGORIES.length),
  gbvType: z.enum(GBV_TYPES).nullish(),
  incidentAt: instant.nullish(),
  incidentTimeEstimated: z.boolean().optional(),
  immediateDanger: z.boolean(),
  minor: z.boolean(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).optional(),
  narrative: storableText(z.string().max(R.narrativeMax)).optional(),
});

export type OpenCaseBody = z.output<typeof openCaseBodySchema>;
