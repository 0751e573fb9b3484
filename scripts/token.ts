// `npm run token -- --role <role> --mission <code> [--mission <code> …] [--user <id>] [--ttl 8h]`: prints a
// bearer token signed by the local development key (see scripts/dev-token.ts).
import { devToken } from './dev-token';

const ROLES = ['caseworker', 'supervisor', 'hq_officer', 'hotline_integration', 'auditor', 'admin'];

function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match) throw new Error(`--ttl ${text}: use a number with s, m, h or d (for example 8h)`);
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3_600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
}

function main(args: string[]): void {
  let role: string | undefined;
  let user: string | undefined;
  let ttlSeconds = 8 * 3_600;
  const missions: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    switch (args[i]) {
      case '--role': role = value; i++; break;
      case '--mission': case '--missions': missions.push(...(value ?? '').split(',').filter(Boolean)); i++; break;
      case '--user': user = value; i++; break;
      case '--ttl': ttlSeconds = parseTtl(value ?? ''); i++; break;
      default: throw new Error(`unknown argument ${args[i]}`);
    }
  }
  if (!role || !ROLES.includes(role)) throw new Error(`--role is one of ${ROLES.join(', ')}`);
  process.stdout.write(`${devToken({ role, missions, ...(user ? { user } : {}), ttlSeconds })}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(2);
}
