import { randomInt, randomUUID } from 'node:crypto';
import { Connection, Client } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { CASE_EVENTS_V1_TOPIC } from '@baoho/messaging';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, walkIn, type Caller } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { registerStaff } from '../../support/staff';
import { uniqueTaskQueue } from '../../support/temporal';
import { findPlaintext } from '../../support/scan/plaintext-forms';
import { scanDatabase, tableCount } from '../../support/scan/scan-database';
import { scanKafka } from '../../support/scan/scan-kafka';
import { historyText } from '../../support/scan/temporal-history-text';

// The built worker, api and relay on the dev server, real Kafka and a fresh database: a survivor's case opened
// with her name, phone, passport and story; Temporal's history of it holds none of them; erasure destroys her
// case's key, after which no table and no topic holds them in any spelling, search no longer finds her, and the
// case still reads and counts.
jest.setTimeout(180_000);

const caseworker: Caller = { userId: 'cw-erasure', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-erasure', role: 'supervisor' };
const admin: Caller = { userId: 'admin-erasure', role: 'admin' };
const farCaseworker: Caller = { userId: 'cw-far-erasure', role: 'caseworker', missions: ['KR-PUS'] };
const auditor: Caller = { userId: 'auditor-erasure', role: 'auditor' };

/** Letters no other test uses, so a find is hers. */
const uniqueWord = (): string => Array.from({ length: 7 }, () => 'bcdfghklmnpqrstvxz'[randomInt(18)]).join('');

describe('erasure of a case’s personal data', () => {
  let db: TestDatabase;
  let pool: Pool;
  let apps: RunningApp[] = [];
  let api: ReturnType<typeof apiClient>;
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-erasure') };
    apps = await startReadyApps(['worker', 'api', 'relay'], env);
    api = apiClient(apps[1]!.url);
    await registerStaff(api, [caseworker]);
    connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
    temporal = new Client({ connection });
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await connection?.close();
    await pool?.end();
    await db?.drop();
  });

  it('keeps her name out of Temporal, then erases it from every table and topic while the case still counts', async () => {
    const word = uniqueWord();
    const fullName = `Nguyễn Thị Xuyến ${word[0]!.toUpperCase()}${word.slice(1)}`;
    const phone = `+84 9${randomInt(10_000_000, 99_999_999)}`;
    const passport = `C${randomInt(1_000_000, 9_999_999)}`;
    const narrative = `Người môi giới ${word} giữ hộ chiếu của cô ở Busan.`;
    const note = `She fears the broker ${word}qu will find her.`;
    const glassReason = `Her sister says the broker ${word}ov moved her to Busan tonight.`;
    const secrets = [fullName, `Xuyến ${word}`, word, phone, passport, narrative, note, glassReason];

    const opened = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn({
      caller: { relation: 'self', phone, language: 'vi' },
      subject: { fullName, sex: 'F', dateOfBirth: '1996-02-03', passportNumber: passport, hometownProvince: 'Hà Tĩnh' },
      narrative,
    }));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    for (const [caller, path, body] of [
      [supervisor, 'assignment', { caseworkerId: caseworker.userId }],
      [caseworker, 'notes', { text: note }],
      [caseworker, 'identity-verification', { outcome: { kind: 'documents_seen', document: 'passport' }, documentNumber: passport }],
    ] as const) {
      const answer = await api.post(`/v1/cases/${caseId}/${path}`, caller, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }

    // A person reads her case in the clear; the search finds her by name, phone and passport.
    const before = await api.get<{ case: { stage: string } }>(`/v1/cases/${caseId}`, caseworker);
    const personalBefore = await api.get<{ personal: { intake: { subject: { fullName: string } }; notes: Array<{ text: string }> } }>(`/v1/cases/${caseId}/personal`, caseworker);
    expect(personalBefore.body.personal.intake.subject.fullName).toBe(fullName);
    expect(personalBefore.body.personal.notes.map((n) => n.text)).toEqual([note]);
    const searches = [`name=${encodeURIComponent(`xuyen ${word}`)}`, `phone=${encodeURIComponent(phone)}`, `passport=${passport}`];
    for (const query of searches) {
      const found = await api.get<{ items: Array<{ caseId: string }> }>(`/v1/search?${query}`, caseworker);
      expect({ query, found: found.body.items.map((item) => item.caseId) }).toEqual({ query, found: [caseId] });
    }

    // A break-glass read from another mission: its reason is sealed in the read audit, opened for the auditor only.
    expect((await api.post(`/v1/cases/${caseId}/break-glass`, farCaseworker, { reason: glassReason })).status).toBe(200);
    const audited = async () =>
      (await api.get<{ items: Array<{ reason: string | null; reasonErased: boolean }> }>(`/v1/audit/reads?caseId=${caseId}&breakGlass=true`, auditor)).body.items;
    expect(await audited()).toEqual([expect.objectContaining({ reason: glassReason, reasonErased: false })]);
    const { rows: auditRows } = await pool.query<{ reason: string }>(`SELECT reason FROM case_read_audit WHERE case_id = $1 AND break_glass`, [caseId]);
    expect(auditRows).toEqual([{ reason: expect.stringMatching(/^bh1\./) }]);
    // the auditor's opening of that reason is itself a read of the case, recorded like any other
    const auditorsReads = async () =>
      (await pool.query(`SELECT user_id, role, part, purpose FROM case_read_audit WHERE case_id = $1 AND part = 'audit_reason'`, [caseId])).rows;
    expect(await auditorsReads()).toEqual([{ user_id: auditor.userId, role: 'auditor', part: 'audit_reason', purpose: 'audit' }]);

    // Temporal's history of the case: update arguments, results, carried state — ciphertext only.
    const history = await historyText(temporal, `case-${caseId}`);
    expect(history).toContain('bh1.');
    expect(history).toContain(caseId);
    expect(findPlaintext(history, secrets)).toBeUndefined();

    const indicators = async (): Promise<Record<string, unknown>> => {
      const { from: _from, to: _to, ...figures } = (await api.get<Record<string, unknown>>('/v1/indicators', supervisor)).body;
      return figures;
    };
    const indicatorsBefore = await indicators();
    expect(indicatorsBefore['casesOpened']).toBe(1);

    // Only an admin may erase; a reason code is required.
    expect((await api.post(`/v1/cases/${caseId}/erasure`, caseworker, { reason: 'subject_request' })).status).toBe(403);
    expect((await api.post(`/v1/cases/${caseId}/erasure`, admin, { reason: 'because' })).status).toBe(400);
    const erased = await api.post<{ caseId: string; stage: string }>(`/v1/cases/${caseId}/erasure`, admin, { reason: 'subject_request' });
    expect(erased.status).toBe(200);
    expect((await api.post(`/v1/cases/${caseId}/erasure`, admin, { reason: 'subject_request' })).body['code']).toBe('PERSONAL_DATA_ERASED');

    // The case still reads — codes, stage, categories, timeline — with its personal part erased.
    const after = await api.get<{ case: { stage: string }; timeline: Array<{ type: string; at: string }> }>(`/v1/cases/${caseId}`, caseworker);
    expect(after.status).toBe(200);
    expect(after.body.case.stage).toBe(before.body.case.stage);
    expect(after.body.timeline.map((entry) => entry.type)).toEqual(expect.arrayContaining(['CaseOpened', 'NoteAdded', 'PersonalDataErased']));
    const personalAfter = await api.get<{ personal: unknown }>(`/v1/cases/${caseId}/personal`, caseworker);
    expect(personalAfter.status).toBe(200);
    // every instant on the wire is ISO 8601, the erasure's too: it is the instant the PersonalDataErased event records
    const erasedEvent = after.body.timeline.find((entry) => entry.type === 'PersonalDataErased');
    expect(personalAfter.body.personal).toEqual({ notes: [], erasedAt: erasedEvent?.at });
    expect((personalAfter.body.personal as { erasedAt: string }).erasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(findPlaintext(JSON.stringify([after.body, personalAfter.body]), secrets)).toBeUndefined();
    // A personal command on an erased case is refused before it reaches Temporal.
    const late = await api.post(`/v1/cases/${caseId}/notes`, caseworker, { text: `again ${word}` });
    expect({ status: late.status, code: late.body['code'] }).toEqual({ status: 409, code: 'PERSONAL_DATA_ERASED' });
    for (const query of searches) {
      expect((await api.get<{ items: unknown[] }>(`/v1/search?${query}`, caseworker)).body.items).toEqual([]);
    }
    expect(await indicators()).toEqual(indicatorsBefore);
    // The audit keeps the break-glass read, its reason unreadable for good.
    expect(await audited()).toEqual([expect.objectContaining({ breakGlass: true, reason: null, reasonErased: true })]);
    // an erased reason is opened for nobody: no new record of reading it
    expect(await auditorsReads()).toHaveLength(1);

    // The key is gone, the row says when.
    const key = await pool.query(`SELECT wrapped_key, destroyed_at FROM data_keys WHERE owner = $1`, [`case:${caseId}`]);
    expect(key.rows).toEqual([{ wrapped_key: null, destroyed_at: expect.any(Date) }]);

    // Every table, every column: none of her values in any spelling (the sealed ciphertext is still there, unreadable).
    expect(await tableCount(pool)).toBeGreaterThan(8);
    expect(await scanDatabase(pool, secrets)).toEqual([]);
    const sealed = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id = $1 AND personal::text LIKE '%bh1.%'`, [caseId]);
    expect(Number(sealed.rows[0]!.n)).toBeGreaterThanOrEqual(3);

    // Every topic of the broker, from the beginning, once the relay has published all of her case's events.
    const brokers = process.env['KAFKA_BROKERS']!.split(',');
    const { rows: [{ n: eventCount } = { n: '0' }] } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id = $1`, [caseId]);
    await waitForRelayed(brokers, caseId, Number(eventCount));
    const scan = await scanKafka(brokers, secrets);
    expect(scan.topics).toContain(CASE_EVENTS_V1_TOPIC);
    expect(scan.messages).toBeGreaterThanOrEqual(Number(eventCount));
    expect(scan.findings).toEqual([]);
  });
});

async function waitForRelayed(brokers: string[], caseId: string, count: number): Promise<void> {
  const kafka = new Kafka({ clientId: 'erasure-wait', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `erasure-wait-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: CASE_EVENTS_V1_TOPIC, fromBeginning: true });
  let seen = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`relayed ${seen} of ${count} events of ${caseId}`)), 90_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() === caseId && ++seen >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
