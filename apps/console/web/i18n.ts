// Two catalogues, one switch. The choice is kept in localStorage (a preference, not personal data).
import { en, type MessageKey } from './catalogue-en.js';
import { vi } from './catalogue-vi.js';

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, vi };
const STORAGE_KEY = 'baoho.console.language';

let current: Language = readStored();

function readStored(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'vi' ? stored : 'vi';
}

export const language = (): Language => current;

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return CATALOGUES[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The label of a code (`stage`, `intake` → "intake" / "tiếp nhận"); the code itself if the catalogue lacks it. */
export function label(kind: string, code: string): string {
  const key = `${kind}.${code}` as MessageKey;
  return key in en ? t(key) : code;
}

export function has(key: string): key is MessageKey {
  return key in en;
}
