import { randomInt } from 'node:crypto';
import { Pool } from 'pg';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient } from '../../support/api-client';
import { hotlineEvent } from '../../support/hotline-events';
import { startPrivateKafka, type PrivateKafka } from '../../support/private-kafka';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { uniqueTaskQueue } from '../../support/temporal';
import { findPlaintext } from '../../support/scan/plaintext-forms';
import { scanDatabase } from '../../support/scan/scan-database';
import { authHeader } from '../../support/tokens';

// A refused hotline report, replayed into its case, then the case erased: the rejection's sealed bytes are gone
// with the case's key, and nothing can bring them back in the clear — neither replaying that rejection (410
// REJECTION_ERASED) nor another refusal of the same report, never replayed (its ids named the case when it was
// refused, so erasing the case destroyed its key too). The built worker, api and intake; dev server; a private broker (clean topics); a fresh database.
jest.setTimeout(240_000);

const uniqueWord = (): string => Array.from({ length: 7 }, () => 'bcdfghklmnpqrstvxz'[randomInt(18)]).join('');

describe('a rejection of an erased case', () => {
  let kafka: PrivateKafka;
  let db: TestDatabase;
  let pool: Pool;
  let apps: RunningApp[] = [];

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startPrivateKafka(), createTestDatabase()]);
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env = { ...serviceEnv(), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-rejection-erasure') };
    apps = await startReadyApps(['worker', 'api', 'intake'], env);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await pool?.end();
    await db?.drop();
    await kafka?.dispose();
  });

  it('cannot be replayed into plaintext once the case is erased', async () => {
    const [, api, intake] = apps as [RunningApp, RunningApp, RunningApp];
    const word = uniqueWord();
    const fullName = `Trần Thị Quyên ${word[0]!.toUpperCase()}${word.slice(1)}`;
    const phone = `+82 10-${randomInt(1000, 9999)}-${randomInt(1000, 9999)}`;
    const narrative = `Chủ nhà ${word} khóa cửa, cô không thể ra ngoài.`;
    const secrets = [fullName, word, phone, narrative];
    const report = hotlineEvent((e) => {
      e['caller'] = { relation: 'self', phone, language: 'vi' };
      e['subject'] = { fullName, sex: 'F', dateOfBirth: '1995-05-06', passportNumber: null, hometownProvince: 'Thanh Hóa' };
      e['narrative'] = narrative;
    });
    const hotline = authHeader({ role: 'hotline_integration', user: 'hotline-rejection-erasure' });
    const administrator = authHeader({ role: 'admin', user: 'admin-rejection-erasure' });
    const call = async (path: string, body?: unknown, headers: Record<string, string> = administrator) => {
      const response = await fetch(`${intake.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
    };
    // Two refusals of her report (a channel outside the vocabulary; an unknown field), both stored with her data.
    const refusals: string[] = [];
    for (const broken of [{ ...report, channel: 'pigeon' }, { ...report, callerMood: 'afraid' }]) {
      const refused = await call('/v1/hotline-events', broken, hotline);
      expect({ status: refused.status, code: refused.body['code'] }).toEqual({ status: 400, code: 'SCHEMA_VIOLATION' });
      expect(findPlaintext(refused.text, secrets)).toBeUndefined();
      refusals.push(refused.body['rejectionId'] as string);
    }
    const [first, second] = refusals as [string, string];
    // Before erasure the administrator reads the refused bytes to correct them.
    expect(((await call(`/v1/rejections/${first}`)).body['payload'] as string)).toContain(fullName);

    const replayed = await call(`/v1/rejections/${first}/replay`, report);
    expect(replayed.status).toBe(201);
    const caseId = replayed.body['caseId'] as string;
    expect(replayed.body).toMatchObject({ outcome: 'opened', rejectionId: first });

    const erased = await apiClient(api.url).post(`/v1/cases/${caseId}/erasure`, { userId: 'admin-rejection-erasure', role: 'admin' }, { reason: 'subject_request' });
    expect(erased.status).toBe(200);

    // The replayed rejection: unreadable, and its replay is refused with a stable code and nothing of hers.
    const gone = await call(`/v1/rejections/${first}`);
    expect(gone.body).toMatchObject({ status: 'replayed', replayedCaseId: caseId, erased: true, payload: null });
    const again = await call(`/v1/rejections/${first}/replay`, report);
    expect({ status: again.status, code: again.body['code'] }).toEqual({ status: 410, code: 'REJECTION_ERASED' });
    expect(findPlaintext(again.text, secrets)).toBeUndefined();

    // The other refusal of the same report, never replayed: its source and eventId name the same case, so it was
    // linked to it when refused and is erased with it — unreadable, and not replayable into a second case.
    const other = await call(`/v1/rejections/${second}`);
    expect(other.body).toMatchObject({ status: 'open', erased: true, payload: null });
    const late = await call(`/v1/rejections/${second}/replay`, report);
    expect({ status: late.status, code: late.body['code'] }).toEqual({ status: 410, code: 'REJECTION_ERASED' });
    expect(findPlaintext(late.text, secrets)).toBeUndefined();
    const { rows: cases } = await pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'CaseOpened'`);
    expect(cases).toEqual([{ n: 1 }]);

    // Every key of hers is destroyed; no column of any table holds her in any spelling.
    const { rows: keys } = await pool.query<{ owner: string; live: boolean }>(
      `SELECT owner, wrapped_key IS NOT NULL AS live FROM data_keys WHERE owner = $1 OR owner IN (SELECT 'rejection:' || dedupe_key FROM hotline_rejections) ORDER BY owner`,
      [`case:${caseId}`],
    );
    expect(keys).toHaveLength(3);
    expect(keys.every((key) => !key.live)).toBe(true);
    expect(await scanDatabase(pool, secrets)).toEqual([]);
  });
});
