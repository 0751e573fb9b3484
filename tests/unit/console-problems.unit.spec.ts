// Every refusal the console can meet is told in both languages by its stable code: each domain error code and each
// problem code the apps throw (found in their source) has its `problem.<CODE>` sentence in both catalogues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOMAIN_ERROR_CODES } from '@baoho/domain';
import { en } from '../../apps/console/web/catalogue-en';
import { vi } from '../../apps/console/web/catalogue-vi';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'test' || name === 'node_modules' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** The codes of every `new HttpProblem(status, 'CODE', …)` in the apps and libs. */
function thrownProblemCodes(): string[] {
  const codes = new Set<string>();
  for (const file of [...sourceFiles(path.join(root, 'apps')), ...sourceFiles(path.join(root, 'libs'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/new HttpProblem\(\s*\d{3},\s*'([A-Z_]+)'/g)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('the console\'s refusals', () => {
  const codes = [...new Set([...DOMAIN_ERROR_CODES, ...thrownProblemCodes()])];

  it('finds the codes it checks', () => {
    expect(codes).toEqual(expect.arrayContaining(['CONSENT_REQUIRED', 'CASE_NOT_FOUND', 'REASON_REQUIRED', 'UNKNOWN_STAFF', 'INVALID_INPUT']));
  });

  it.each(['en', 'vi'] as const)('has a sentence for every code in %s', (language) => {
    const catalogue: Record<string, string> = language === 'en' ? en : vi;
    const missing = codes.filter((code) => !catalogue[`problem.${code}`]?.trim());
    expect(missing).toEqual([]);
  });
});
