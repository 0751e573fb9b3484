// The last step of `npm test`: the test run's logs and Kafka messages must hold none of the test subjects' names,
// phones, documents, narratives or notes. The values are collected from the test sources themselves (every
// string literal given to a personal field), so a new fixture is checked without anyone listing it here.
// Scanned: .baoho/logs/* (services and `npm start` apps), tests/.artifacts/app-logs/* (every app an e2e test
// spawned), and every topic of the run's broker from the beginning — the inbound hotline.calls.v1 too: what
// hotlines send is plaintext by contract, so the intake deletes every report it has handled (on an interval and
// on shutdown). If an intake is still running, the scan first waits for its purge of what it had committed.
// Exit 1 with the place of each find.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HOTLINE_CALLS_V1_TOPIC } from '@baoho/messaging';
import { awaitConsumedPurged } from '../tests/support/scan/await-purge';
import { findPlaintext } from '../tests/support/scan/plaintext-forms';
import { scanKafka } from '../tests/support/scan/scan-kafka';

const root = path.resolve(__dirname, '..');
const PERSONAL_FIELD = /\b(fullName|phone|narrative|passportNumber|documentNumber|note|notes|medicalDetails|text|reason|hometownProvince)\s*:\s*(['`"])((?:(?!\2).){8,}?)\2/g;
const SOURCE_DIRS = ['tests', 'libs', 'apps'];

function files(dir: string, keep: (file: string) => boolean): string[] {
  let found: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found = found.concat(files(full, keep));
    else if (keep(full)) found.push(full);
  }
  return found;
}

const isTestSource = (file: string): boolean =>
  /\.ts$/.test(file) && (file.includes(`${path.sep}test${path.sep}`) || file.startsWith(path.join(root, 'tests') + path.sep));

/** Free text that is a code or a sentence of ours rather than a person's detail is kept out by its shape. */
const looksPersonal = (value: string): boolean => !/^[a-z_]+$/.test(value) && !value.includes('${') && !/^[A-Z_]+$/.test(value);

function fixtureValues(): string[] {
  const values = new Set<string>();
  for (const dir of SOURCE_DIRS) {
    for (const file of files(path.join(root, dir), isTestSource)) {
      for (const match of readFileSync(file, 'utf8').matchAll(PERSONAL_FIELD)) {
        const value = match[3]!;
        if (looksPersonal(value)) values.add(value);
      }
    }
  }
  return [...values];
}

async function main(): Promise<void> {
  const values = fixtureValues();
  const findings: string[] = [];
  const logs = [
    ...files(path.join(root, '.baoho', 'logs'), (file) => file.endsWith('.log')),
    ...files(path.join(root, 'tests', '.artifacts', 'app-logs'), (file) => file.endsWith('.log')),
  ];
  for (const file of logs) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const form = findPlaintext(line, values);
      if (form) findings.push(`${path.relative(root, file)}:${i + 1}: ${JSON.stringify(form)}`);
    });
  }
  const brokers = process.env['KAFKA_BROKERS']?.split(',');
  let kafkaNote = 'no KAFKA_BROKERS: Kafka not scanned';
  if (brokers) {
    // the intake's consumer group (apps/intake: HOTLINE_CONSUMER_GROUP)
    const purge = await awaitConsumedPurged(brokers, 'baoho-intake', HOTLINE_CALLS_V1_TOPIC);
    const scan = await scanKafka(brokers, values);
    kafkaNote = `${scan.messages} messages on ${scan.topics.length} topics (${HOTLINE_CALLS_V1_TOPIC}: ${purge})`;
    for (const finding of scan.findings) findings.push(`${finding.where}: ${JSON.stringify(finding.form)}`);
  }
  process.stderr.write(`[test] personal-data scan: ${values.length} fixture values, ${logs.length} log files, ${kafkaNote}\n`);
  if (findings.length > 0) {
    process.stderr.write(`[test] personal data found:\n${findings.slice(0, 200).join('\n')}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[test] personal-data scan failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
