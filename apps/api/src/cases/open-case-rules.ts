// The field rules of a walk-in report that the API's body schema (open-case-body.ts) and the console's form
// (apps/console/web) both apply, so the form validates as you type exactly as the API will. No imports: the
// console compiles this file for the browser as it is.

export const OPEN_CASE_RULES = {
  phone: /^\+?[0-9][0-9 ()./-]{2,31}$/,
  language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/,
  passportNumber: /^[A-Za-z0-9]{5,20}$/,
  countryCode: /^[A-Z]{2}$/,
  fullNameMax: 200,
  hometownProvinceMax: 100,
  cityMax: 100,
  narrativeMax: 20_000,
  callerRelations: ['self', 'family', 'friend', 'employer', 'ngo', 'other'],
  sexes: ['F', 'M', 'X'],
} as const;
