// The Temporal dev server's flags as scripts/services.sh starts it, read from the one file that lists them, so a
// private server (fault suite, benches) runs with the same settings as `npm start` and `npm test`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const TEMPORAL_FLAGS_FILE = path.resolve(__dirname, '../../scripts/services/temporal-dev-server.flags');

/** Each flag with its value, in the file's order; blank lines and `#` comments skipped. */
export function temporalDevServerFlags(): Array<readonly [flag: string, value: string]> {
  return readFileSync(TEMPORAL_FLAGS_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [flag, value, ...rest] = line.split(/\s+/);
      if (!flag?.startsWith('--') || value === undefined || rest.length > 0) {
        throw new Error(`${TEMPORAL_FLAGS_FILE}: expected "--flag value", found "${line}"`);
      }
      return [flag, value] as const;
    });
}
