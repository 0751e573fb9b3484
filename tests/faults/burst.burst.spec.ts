// The burst: 10,000 hotline events published at once to the built apps (worker, intake, relay, api) on a private
// Kafka broker and a private Temporal dev server (so 10,000 open cases never land on the shared one), with a
// fresh database. The intake's consumer lag and the relay's lag must grow and drain, each app's resident memory
// stay under its bound, and every event open exactly one case whose events all reach protection.case-events.v1.
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import type { AppName } from '../support/apps';
import { startAppSet, type AppSet } from '../support/faults/app-set';
import { checkPerCaseOrder, readCaseEventTopic } from '../support/faults/case-event-topic';
import { HotlineFeed } from '../support/faults/hotline-feed';
import { waitFor } from '../support/faults/wait-for';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { startPrivateKafka, type PrivateKafka } from '../support/private-kafka';
import { startPrivateTemporal, type PrivateTemporal } from '../support/private-temporal';

jest.setTimeout(60 * 60_000);

const BURST = Number(process.env.BAOHO_BURST_EVENTS ?? 10_000);
const WARM_UP = 20;
const MiB = 1024 * 1024;
/**
 * The bounds, over each app's resident memory after the warm-up. The worker keeps workflows in the Temporal SDK's
 * cache (2,310 on this machine, about 310 KiB each, bench:workflow): up to ~700 MiB by design, so its bound is
 * 1 GiB above its baseline — holding all 10,000 cases would take ~3 GiB. The other apps hold at most a window of
 * messages or one page of events: 256 MiB above baseline fails any of them that keeps ≥ 26 KiB per event of the burst.
 */
const GROWTH_BOUND: Record<Exclude<AppName, 'console'>, number> = { worker: 1024 * MiB, intake: 256 * MiB, relay: 256 * MiB, api: 256 * MiB };
const APPS = ['worker', 'intake', 'relay', 'api'] as const satisfies readonly AppName[];

interface Sample {
  readonly at: number;
  readonly intakeLag: number;
  readonly relayLag: number;
  readonly opened: number;
  readonly rss: Record<AppName, number>;
}

async function intakeLag(admin: Admin): Promise<number> {
  const [ends, committed] = await Promise.all([admin.fetchTopicOffsets('hotline.calls.v1'), admin.fetchOffsets({ groupId: 'baoho-intake', topics: ['hotline.calls.v1'] })]);
  const done = new Map(committed[0]!.partitions.map((p) => [p.partition, Math.max(0, Number(p.offset))]));
  return ends.reduce((sum, end) => sum + Number(end.high) - (done.get(end.partition) ?? 0), 0);
}

async function relayLag(apps: AppSet): Promise<number> {
  const text = await (await fetch(`${apps.url('relay')}/metrics`)).text();
  const match = /^baoho_relay_lag_events(?:\{[^}]*\})? (\d+(?:\.\d+)?)/m.exec(text);
  if (!match) throw new Error('the relay exposes no baoho_relay_lag_events');
  return Number(match[1]);
}

describe(`a burst of ${BURST.toLocaleString('en')} hotline events at once`, () => {
  let kafka: PrivateKafka;
  let temporal: PrivateTemporal;
  let db: TestDatabase;
  let apps: AppSet;
  let pool: Pool;
  let admin: Admin;
  let feed: HotlineFeed;
  let baseline: Record<AppName, number>;
  const samples: Sample[] = [];
  let drainedSeconds = 0;
  const began = Date.now();

  beforeAll(async () => {
    [kafka, temporal, db] = await Promise.all([startPrivateKafka(), startPrivateTemporal(), createTestDatabase()]);
    apps = await startAppSet({ DATABASE_URL: db.url, KAFKA_BROKERS: kafka.brokers, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: 'burst', LOG_LEVEL: 'warn' }, APPS, 120_000, 'burst');
    pool = new Pool({ connectionString: db.url, max: 2 });
    admin = new Kafka({ clientId: 'baoho-burst-probe', brokers: [kafka.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    feed = new HotlineFeed(kafka.brokers);
    await feed.connect();
    const opened = async (): Promise<number> => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM case_summary')).rows[0]!.n);

    for (let i = 0; i < WARM_UP; i++) feed.enqueue();
    await waitFor('the warm-up cases open', async () => (await opened()) === WARM_UP, 300_000, () => apps.tails());
    await waitFor('the relay caught up after the warm-up', async () => (await relayLag(apps)) === 0, 300_000);
    baseline = apps.rss();

    const sample = async (): Promise<Sample> => {
      const entry = { at: Date.now(), intakeLag: await intakeLag(admin), relayLag: await relayLag(apps), opened: (await opened()) - WARM_UP, rss: apps.rss() };
      samples.push(entry);
      return entry;
    };
    const started = Date.now();
    for (let i = 0; i < BURST; i++) feed.enqueue();
    await feed.drain(600_000);
    // on this 2-core machine the dev server opens ~25 cases a second: 10,000 take about seven minutes
    await waitFor(
      'every case of the burst is open and both lags are back to zero',
      async () => {
        const last = await sample();
        return last.opened === BURST && last.intakeLag === 0 && last.relayLag === 0;
      },
      45 * 60_000,
      () => `last sample ${JSON.stringify(samples.at(-1))}\n${apps.tails()}`,
    );
    drainedSeconds = (Date.now() - started) / 1000;
  });

  afterAll(async () => {
    await feed?.stop();
    await admin?.disconnect();
    await pool?.end();
    await apps?.stop();
    await Promise.all([db?.drop(), kafka?.dispose(), temporal?.dispose()]);
    const peak = (name: AppName): number => Math.max(...samples.map((s) => s.rss[name]));
    process.stdout.write(
      `\nburst: ${BURST} events drained in ${drainedSeconds.toFixed(0)} s (${(BURST / drainedSeconds).toFixed(1)} cases/s); ` +
        `intake lag peak ${Math.max(...samples.map((s) => s.intakeLag))}, relay lag peak ${Math.max(...samples.map((s) => s.relayLag))}; ` +
        `RSS MiB baseline→peak ${APPS.map((n) => `${n} ${(baseline?.[n] / MiB).toFixed(0)}→${(peak(n) / MiB).toFixed(0)}`).join(', ')}; ` +
        `wall time ${Math.round((Date.now() - began) / 1000)} s\n`,
    );
  });

  it('lets the intake lag grow and drain to zero, and the relay catch up', () => {
    const peakIntake = Math.max(...samples.map((s) => s.intakeLag));
    expect(peakIntake).toBeGreaterThan(BURST / 2);
    expect(Math.max(...samples.map((s) => s.relayLag))).toBeGreaterThan(0);
    expect(samples.at(-1)).toMatchObject({ intakeLag: 0, relayLag: 0, opened: BURST });
  });

  it('keeps each app within its memory bound', () => {
    for (const name of APPS) {
      const peak = Math.max(...samples.map((s) => s.rss[name]));
      expect({ app: name, withinBound: peak > 0 && peak - baseline[name] <= GROWTH_BOUND[name] }).toEqual({ app: name, withinBound: true });
    }
  });

  it('loses nothing: one case per event, every event of the log on the topic, in order', async () => {
    const { rows } = await pool.query<{ event_id: string; n: number }>(`SELECT data->>'hotlineEventId' AS event_id, count(*)::int AS n FROM events WHERE type = 'CaseOpened' GROUP BY 1`);
    const counts = new Map(rows.map((row) => [row.event_id, row.n]));
    const sent = feed.acknowledged.map((event) => event.eventId);
    expect(sent).toHaveLength(BURST + WARM_UP);
    expect(sent.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(rows).toHaveLength(BURST + WARM_UP);
    const ids = (await pool.query<{ event_id: string }>('SELECT event_id FROM events')).rows.map((row) => row.event_id);
    const reading = await readCaseEventTopic(kafka.brokers, new Set(ids), 120_000);
    expect(reading.missing).toEqual([]);
    const order = checkPerCaseOrder(reading.messages);
    expect(order.cases).toBe(BURST + WARM_UP);
    expect(order.violations).toEqual([]);
  });
});
