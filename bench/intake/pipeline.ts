// The system under measurement, as `npm start` runs it: the built worker, intake and api apps on a private Kafka
// broker (clean topics), a fresh database and the dev server, with their own task queue.
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { hotlineCaseId } from '../../apps/intake/src/hotline/hotline-case';
import { serviceEnv, startReadyApps, type RunningApp } from '../../tests/support/apps';
import { hotlineEvent } from '../../tests/support/hotline-events';
import { startPrivateKafka, type PrivateKafka } from '../../tests/support/private-kafka';
import { createTestDatabase, type TestDatabase } from '../../tests/support/postgres';
import { uniqueTaskQueue } from '../../tests/support/temporal';
import { authHeader } from '../../tests/support/tokens';

export interface Pipeline {
  /** Publishes one hotline event; returns the case id it must open and the instant it was acknowledged. */
  publish(): Promise<{ caseId: string; sentAt: number }>;
  /** Whether the case is readable through the API (GET /v1/cases/:id answers 200). */
  readable(caseId: string): Promise<boolean>;
  /** How many cases the read model holds: a cheap probe for throughput, with no HTTP load on the system. */
  casesOpened(): Promise<number>;
  close(): Promise<void>;
}

export async function startPipeline(): Promise<Pipeline> {
  const [kafka, db]: [PrivateKafka, TestDatabase] = await Promise.all([startPrivateKafka(), createTestDatabase()]);
  const env = { ...serviceEnv(), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('bench-intake'), LOG_LEVEL: 'warn' };
  const apps: RunningApp[] = await startReadyApps(['worker', 'intake', 'api'], env, 90_000);
  const api = apps[2]!;
  const client = new Kafka({ brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
  const producer: Producer = client.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  // Headquarters reads every mission's cases, wherever the generated reports happen.
  const headers = authHeader({ role: 'hq_officer', user: 'bench-reader', missions: ['HQ'], ttlSeconds: 4 * 3_600 });
  const pool = new Pool({ connectionString: db.url, max: 1 });
  return {
    async publish() {
      const event = hotlineEvent();
      const eventId = event['eventId'] as string;
      await producer.send({ topic: 'hotline.calls.v1', acks: -1, messages: [{ key: eventId, value: JSON.stringify(event) }] });
      return { caseId: hotlineCaseId(event['source'] as string, eventId), sentAt: performance.now() };
    },
    async readable(caseId) {
      const response = await fetch(`${api.url}/v1/cases/${caseId}`, { headers });
      await response.arrayBuffer();
      return response.status === 200;
    },
    async casesOpened() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM case_summary');
      return Number(rows[0]!.n);
    },
    async close() {
      await producer.disconnect();
      await pool.end();
      await Promise.all(apps.map((app) => app.stop('SIGTERM')));
      await db.drop();
      await kafka.dispose();
    },
  };
}
