// What sealing personal data costs, on one PostgreSQL in one run: a case's commands sealed at the edge, decided
// and appended (the search index opening the sealed parts inside the append) beside the same plaintext decided
// and appended; and a case read as the API reads it — its log folded, every sealed part opened — beside the same
// read of a plaintext case. Rounds interleaved; medians; ratios (target ≤ 1.3×).
// Run: source .baoho/env && npm run bench:crypto
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { DEV_SEARCH_INDEX_KEY } from '@baoho/config';
import { decide, evolve, initialState, type CaseCommand, type CaseState } from '@baoho/domain';
import { CasePersonalData, createKeyring } from '@baoho/crypto';
import { createCaseEventStore, EventStore, type EventStore as Store } from '@baoho/event-store';
import { toAppend } from '../../workflows/src/protection-case/recording';
import { CaseReader } from '../../apps/api/src/cases/case-reader';
import { walkInReport } from '../../tests/support/case-commands';
import { masterKeysFile, testPersonalData } from '../../tests/support/keys';
import { createTestDatabase } from '../../tests/support/postgres';

const ROUNDS = 7;
const CASES_PER_ROUND = 60;
const NOTES_PER_CASE = 4;
const NOW = Date.parse('2026-11-20T08:00:00Z');

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const commandsOf = (round: number, i: number): CaseCommand[] => {
  const open = walkInReport(NOW, { caseId: `bench-${round}-${i}-${Math.random().toString(36).slice(2, 8)}` });
  const notes = Array.from({ length: NOTES_PER_CASE }, (_, n): CaseCommand => ({
    type: 'AddNote',
    commandId: `${open.caseId}:note-${n}`,
    actor: { userId: 'cw-bench', role: 'caseworker' },
    text: `Confidential note ${n}: she described the agency in detail and asked that her family not be told.`,
  }));
  return [open, ...notes];
};

/** One case: each command (sealed first, or not) decided over the state so far and appended at its version. */
async function writeCase(store: Store, commands: readonly CaseCommand[], seal?: CasePersonalData): Promise<string> {
  let state: CaseState = initialState();
  let version = 0;
  const caseId = (commands[0] as { caseId: string }).caseId;
  for (const plain of commands) {
    const command = seal ? await seal.sealCommand(caseId, plain) : plain;
    const events = decide(state, command, NOW);
    await store.append(caseId, version, toAppend(caseId, version, command, events));
    state = events.reduce(evolve, state);
    version += events.length;
  }
  return caseId;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  try {
    const personal = testPersonalData(pool);
    const coldPersonal = new CasePersonalData(createKeyring(pool, { masterKeysFile: masterKeysFile(), cacheTtlMs: 0 }));
    const store = createCaseEventStore(pool, { searchKey: DEV_SEARCH_INDEX_KEY, personalData: personal });
    const reader = new CaseReader(new EventStore(pool), personal);
    const coldReader = new CaseReader(new EventStore(pool), coldPersonal);
    const figures = { appendPlain: [] as number[], appendSealed: [] as number[], readPlain: [] as number[], readSealed: [] as number[], readSealedCold: [] as number[] };
    // warm-up: JIT, pool connections, plans
    for (let i = 0; i < 10; i++) {
      await writeCase(store, commandsOf(-1, i));
      await writeCase(store, commandsOf(-2, i), personal);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const plainCases = Array.from({ length: CASES_PER_ROUND }, (_, i) => commandsOf(round * 2, i));
      const sealedCases = Array.from({ length: CASES_PER_ROUND }, (_, i) => commandsOf(round * 2 + 1, i));
      const order = round % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const);
      const ids: Record<'plain' | 'sealed', string[]> = { plain: [], sealed: [] };
      for (const kind of order) {
        const cases = kind === 'plain' ? plainCases : sealedCases;
        const run = await timed(async () => {
          for (const commands of cases) ids[kind].push(await writeCase(store, commands, kind === 'sealed' ? personal : undefined));
        });
        (kind === 'plain' ? figures.appendPlain : figures.appendSealed).push(run.ms / CASES_PER_ROUND);
      }
      for (const kind of order) {
        const run = await timed(async () => {
          for (const caseId of ids[kind]) await reader.read(caseId);
        });
        (kind === 'plain' ? figures.readPlain : figures.readSealed).push(run.ms / CASES_PER_ROUND);
      }
      const cold = await timed(async () => {
        for (const caseId of ids.sealed) await coldReader.read(caseId);
      });
      figures.readSealedCold.push(cold.ms / CASES_PER_ROUND);
    }
    // sanity: a sealed case opens to its plaintext
    const sample = await reader.read((await pool.query<{ stream_id: string }>(`SELECT stream_id FROM events WHERE personal::text LIKE '%bh1.%' LIMIT 1`)).rows[0]!.stream_id);
    if (!sample.case.personal?.notes[0]?.text.startsWith('Confidential note')) throw new Error('a sealed case did not open');

    const m = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)])) as Record<keyof typeof figures, number>;
    const row = (what: string, ours: number, base: number) =>
      `| ${what} | ${ours.toFixed(2)} ms | ${base.toFixed(2)} ms | ${(ours / base).toFixed(2)}× | ≤ 1.30× |`;
    const report = [
      `Per case (opening + ${NOTES_PER_CASE} notes), median of ${ROUNDS} rounds of ${CASES_PER_ROUND} cases, one PostgreSQL:`,
      '',
      '| measure | sealed | plaintext | sealed ÷ plaintext | target |',
      '| --- | ---: | ---: | ---: | --- |',
      row('seal + decide + append, per case', m.appendSealed, m.appendPlain),
      row('read + open (key cached), per case', m.readSealed, m.readPlain),
      row('read + open (key not cached), per case', m.readSealedCold, m.readPlain),
      '',
    ].join('\n');
    process.stdout.write(report);
    const out = path.resolve(__dirname, '../results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'crypto.md'), `# bench:crypto\n\n${report}\nrounds (ms per case): ${JSON.stringify(figures)}\n`);
  } finally {
    await pool.end();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
