// The walk-in form's checks as you type: the API's own field rules (apps/api/src/cases/open-case-rules.ts, which
// its body schema is built from), returning a message key per field in error.
import { OPEN_CASE_RULES as R } from '../../api/src/cases/open-case-rules.js';
import type { MessageKey } from './catalogue-en.js';

// The API refuses C0 controls but tab, CR and newline (storable-text.ts); a person never types them.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface FieldProblem {
  readonly key: MessageKey;
  readonly vars?: Record<string, number>;
}

type Check = (value: string) => FieldProblem | undefined;

const optional = (check: Check): Check => (value) => (value.trim() === '' ? undefined : check(value));
const text = (max: number, required: boolean): Check => (value) => {
  if (value.trim() === '') return required ? { key: 'new.invalid.required' } : undefined;
  if (CONTROLS.test(value)) return { key: 'new.invalid.controls' };
  return value.trim().length > max ? { key: 'new.invalid.tooLong', vars: { max } } : undefined;
};
const pattern = (re: RegExp, key: MessageKey): Check => (value) => (re.test(value) ? undefined : { key });
const isDate = (value: string): boolean => /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const FIELD_CHECKS: Record<string, Check> = {
  phone: optional(pattern(R.phone, 'new.invalid.phone')),
  language: optional(pattern(R.language, 'new.invalid.language')),
  fullName: text(R.fullNameMax, true),
  dateOfBirth: optional((v) => (isDate(v) ? undefined : { key: 'new.invalid.date' })),
  passportNumber: optional(pattern(R.passportNumber, 'new.invalid.passport')),
  hometownProvince: text(R.hometownProvinceMax, false),
  countryCode: (v) => (v === '' ? { key: 'new.invalid.required' } : pattern(R.countryCode, 'new.invalid.country')(v)),
  city: text(R.cityMax, false),
  narrative: (v) => (CONTROLS.test(v.replace(/[\t\r\n]/g, '')) ? { key: 'new.invalid.controls' } : v.length > R.narrativeMax ? { key: 'new.invalid.tooLong', vars: { max: R.narrativeMax } } : undefined),
};

export { R as OPEN_CASE_RULES };
