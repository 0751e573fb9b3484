// The closed vocabularies of the hotline contract, version 1. They are frozen here, not imported from the
// domain: a published contract must not change because the domain grew a value. A unit test compares them
// with the domain's vocabulary, so a divergence is a decision someone takes, never an accident.

/** How the report reached the hotline. */
export const HOTLINE_CHANNELS_V1 = ['phone', 'sms', 'chat', 'email', 'walk_in', 'web'] as const;
export type HotlineChannelV1 = (typeof HOTLINE_CHANNELS_V1)[number];

/** Who is calling, relative to the person the report is about. */
export const CALLER_RELATIONS_V1 = [
  'self',
  'family_member',
  'friend',
  'co_worker',
  'employer',
  'ngo',
  'authority',
  'other',
] as const;
export type CallerRelationV1 = (typeof CALLER_RELATIONS_V1)[number];

/** ICAO 9303 sex markers, as printed in passports (X: unspecified). */
export const SEX_MARKERS_V1 = ['F', 'M', 'X'] as const;
export type SexMarkerV1 = (typeof SEX_MARKERS_V1)[number];

/** PROTOCOL.md protection categories, plus `gbv`. */
export const PROTECTION_CATEGORIES_V1 = [
  'gbv',
  'trafficking_indicators',
  'labour_exploitation',
  'confiscated_documents',
  'detention_or_arrest',
  'accident_or_illness',
  'death_abroad',
  'undocumented_stay',
  'stranded',
] as const;
export type ProtectionCategoryV1 = (typeof PROTECTION_CATEGORIES_V1)[number];

/** GBVIMS incident types, in decision-tree order. */
export const GBV_TYPES_V1 = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
  'non_gbv',
] as const;
export type GbvTypeV1 = (typeof GBV_TYPES_V1)[number];
