// The spellings a leaked value could take: as written, lower case, diacritics folded (as the search folds it),
// digits only (phones), letters and digits only (passports), and the hex of its UTF-8 (bytea columns as text).
import { foldText } from '@baoho/domain';

export function plaintextForms(value: string): string[] {
  const forms = new Set<string>([value, value.toLowerCase(), foldText(value)]);
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 6) {
    forms.add(digits);
    forms.add(digits.slice(-8));
  }
  const alnum = value.replace(/[^A-Za-z0-9]/g, '');
  if (alnum.length >= 5 && /\d/.test(alnum)) forms.add(alnum.toUpperCase());
  for (const form of [...forms]) forms.add(Buffer.from(form, 'utf8').toString('hex'));
  return [...forms].filter((form) => form.length >= 5);
}

/** The first form of any value found in `text` (lower-cased comparison), or undefined. */
export function findPlaintext(text: string, values: readonly string[]): string | undefined {
  const haystack = text.toLowerCase();
  for (const value of values) {
    for (const form of plaintextForms(value)) if (haystack.includes(form.toLowerCase())) return form;
  }
  return undefined;
}
