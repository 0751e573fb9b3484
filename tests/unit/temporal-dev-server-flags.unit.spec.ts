// The dev server's flags are listed once (scripts/services/temporal-dev-server.flags, read by scripts/services.sh
// and the tests' private servers); docker-compose.yml cannot read that file, so this keeps its copy true, and keeps
// the search attributes the server defines the ones the workflow writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CASE_SEARCH_ATTRIBUTES } from '@baoho/workflows';
import { temporalDevServerFlags } from '../support/temporal-dev-flags';

/** The `- --flag=value` items of the temporal service in docker-compose.yml. */
function composeTemporalFlags(): string[] {
  const lines = readFileSync(path.resolve(__dirname, '../../docker-compose.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line === '  temporal:');
  if (start < 0) throw new Error('docker-compose.yml has no temporal service');
  const end = lines.findIndex((line, i) => i > start && /^ {2}\S/.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .map((line) => /^\s+- (--\S+)$/.exec(line)?.[1])
    .filter((flag): flag is string => flag !== undefined);
}

describe('the Temporal dev server flags', () => {
  const flags = temporalDevServerFlags();

  it('are the ones docker-compose.yml starts its server with', () => {
    expect(flags.length).toBeGreaterThan(0);
    const compose = composeTemporalFlags();
    expect(flags.map(([flag, value]) => `${flag}=${value}`).filter((flag) => !compose.includes(flag))).toEqual([]);
    // and compose sets no server setting the file lacks (its own address, ports and file aside)
    const local = ['--ip', '--port', '--ui-port', '--db-filename', '--log-level'];
    const listed = new Set(flags.map(([flag, value]) => `${flag}=${value}`));
    expect(compose.filter((flag) => !local.includes(flag.split('=')[0]!) && !listed.has(flag))).toEqual([]);
  });

  it('define exactly the search attributes the case workflow writes, with their types', () => {
    const defined = flags.filter(([flag]) => flag === '--search-attribute').map(([, value]) => value.toUpperCase()).sort();
    const written = Object.values(CASE_SEARCH_ATTRIBUTES).map((key) => `${key.name}=${key.type}`.toUpperCase()).sort();
    expect(defined).toEqual(written);
  });
});
