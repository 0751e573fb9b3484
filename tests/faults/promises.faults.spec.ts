// The fault suite: the built apps on PRIVATE services (a PostgreSQL cluster, a Kafka broker and a Temporal dev
// server of its own, so nothing else in the test run is disturbed), a steady stream of hotline events and
// caseworker commands, and in turn: PostgreSQL restarted (immediate stop: crash recovery), the Temporal dev
// server SIGKILLed and started again on its database file, Kafka stopped for 30 s, each app SIGKILLed and
// started again. Then the promises are checked, one test each. Run: npm run build && npm run test:faults
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import type { AppName } from '../support/apps';
import { startAppSet, type AppSet } from '../support/faults/app-set';
import { ApiTraffic } from '../support/faults/api-traffic';
import { CaseTracker } from '../support/faults/case-tracker';
import { checkPerCaseOrder, readCaseEventTopic, type OrderReport, type TopicReading } from '../support/faults/case-event-topic';
import { armDeadline, missedDeadline, type DeadlineProbe } from '../support/faults/deadline-probe';
import { HealthWatch } from '../support/faults/health-watch';
import { HotlineFeed } from '../support/faults/hotline-feed';
import { LogWatch } from '../support/faults/log-watch';
import { startPrivatePostgres, type PrivatePostgres } from '../support/faults/private-postgres';
import { approachNextPowerOfTen } from '../support/faults/transaction-ids';
import { waitFor } from '../support/faults/wait-for';
import { startPrivateKafka, type PrivateKafka } from '../support/private-kafka';
import { startPrivateTemporal, type PrivateTemporal } from '../support/private-temporal';

jest.setTimeout(30 * 60_000);

/**
 * When a promise is broken, what a person needs to find out why: the log rows and topic messages of each case
 * concerned, beside the outages' times and the watch of the log (when each row was first seen, each poll's xmin
 * and relay checkpoint), in tests/.artifacts/faults-evidence.json (codes and ids only).
 */
async function writeEvidence(
  pool: Pool,
  reading: TopicReading | undefined,
  order: OrderReport | undefined,
  refused: ApiTraffic['refused'],
  outages: readonly Outage[],
  watch: LogWatch,
): Promise<void> {
  const messages = reading?.messages ?? [];
  const { rows: missingRows } = await pool.query<{ stream_id: string }>(`SELECT DISTINCT stream_id FROM events WHERE event_id = ANY($1)`, [reading?.missing ?? []]);
  const cases = new Set([
    ...(order?.violations ?? []).map((v) => v.split(':')[0]!),
    ...refused.map((r) => r.path.split('/')[3]!),
    ...missingRows.map((row) => row.stream_id),
  ]);
  if (cases.size === 0 && watch.anomalies.length === 0) return;
  const { rows } = await pool.query(
    `SELECT stream_id, stream_version::int AS version, transaction_id::text AS xid, global_position::text AS position, type, recorded_at,
            metadata->>'commandId' AS command_id, event_id
       FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version`,
    [[...cases]],
  );
  const missing = new Set(reading?.missing ?? []);
  const evidence = [...cases].map((caseId) => ({
    caseId,
    log: rows
      .filter((row) => row.stream_id === caseId)
      .map(({ event_id, ...row }) => ({ ...row, neverPublished: missing.has(event_id), firstSeenByWatch: iso(watch.firstSeen.get(row.position)) })),
    topic: messages.filter((m) => m.key === caseId).map(({ partition, offset, version, messageId }) => ({ partition, offset, version, messageId })),
    // the partition around the case's messages: what was interleaved with them
    around: (() => {
      const own = messages.filter((m) => m.key === caseId);
      if (own.length === 0) return [];
      const offsets = own.map((m) => Number(m.offset));
      const [low, high] = [Math.min(...offsets) - 3, Math.max(...offsets)];
      return messages
        .filter((m) => m.partition === own[0]!.partition && Number(m.offset) >= low && Number(m.offset) <= high)
        .map(({ offset, messageId }) => `${offset} ${messageId}`);
    })(),
    refused: refused.filter((r) => r.path.split('/')[3] === caseId).map(({ path, status, at }) => ({ path, status, at: new Date(at).toISOString() })),
  }));
  mkdirSync(path.join(__dirname, '..', '.artifacts'), { recursive: true });
  writeFileSync(
    path.join(__dirname, '..', '.artifacts', 'faults-evidence.json'),
    JSON.stringify(
      {
        outages: outages.map((o) => ({ name: o.name, from: new Date(o.from).toISOString(), to: new Date(o.to).toISOString() })),
        neverPublished: reading?.missing.length ?? null,
        anomalies: watch.anomalies,
        longTransactions: watch.longTransactions,
        evidence,
        watch: watch.timeline,
      },
      null,
      1,
    ),
  );
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

// well under what this machine sustains (~25 cases/s, bench:intake) even while other work shares it
const HOTLINE_PER_SECOND = 1;
const COMMANDS_PER_SECOND = 2;
const BOARD_PER_SECOND = 1;
const KAFKA_OUTAGE_MS = 30_000;
/** How long anything may take to come back on a loaded 2-core machine. */
const RECOVERY_MS = 300_000;
const APPS: readonly AppName[] = ['worker', 'intake', 'relay', 'api'];

interface Outage {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** The timer that fell inside it, for the outages that stop something a timer needs. */
  readonly probe?: DeadlineProbe;
  /** The apps that were not restarted (they must come back by themselves). */
  readonly survivors: readonly AppName[];
  /** Their process ids before the outage: the same after it, or they were restarted. */
  readonly pidsBefore: Partial<Record<AppName, number | undefined>>;
  pidsAfter?: Partial<Record<AppName, number | undefined>>;
}

describe('the promises, while the parts fail', () => {
  let pg: PrivatePostgres;
  let kafka: PrivateKafka;
  let temporal: PrivateTemporal;
  let apps: AppSet;
  let pool: Pool;
  let feed: HotlineFeed;
  let traffic: ApiTraffic;
  let tracker: CaseTracker;
  let health: HealthWatch;
  let logWatch: LogWatch;
  const outages: Outage[] = [];
  /** Hotline events posted as deadline probes (eventId → case id). */
  const probes = new Map<string, string>();
  let order: OrderReport;
  let reading: TopicReading | undefined;
  let eventsInLog = 0;
  const began = Date.now();

  const progressAfter = async (name: string): Promise<void> => {
    const [opened, accepted] = [tracker.open.length, traffic.accepted.length];
    await waitFor(`${name}: new cases open and commands accepted again`, () => tracker.open.length > opened && traffic.accepted.length > accepted, RECOVERY_MS, () => apps.tails());
  };

  /** Runs one outage: `down` while the probe's deadline (if any) falls, then `up`; every survivor back to 200 by itself. */
  const outage = async (
    name: string,
    options: { down: () => Promise<void>; up: () => Promise<void>; probeLeadMs?: number; holdMs?: number; restarted?: AppName },
  ): Promise<void> => {
    const probe = options.probeLeadMs === undefined ? undefined : await armDeadline(apps.url('intake'), pool, options.probeLeadMs, (eventId, caseId) => probes.set(eventId, caseId));
    const survivors = APPS.filter((app) => app !== options.restarted);
    const pidsBefore = Object.fromEntries(survivors.map((app) => [app, apps.app(app).process.pid]));
    const from = Date.now();
    await options.down();
    const holdUntil = Math.max(probe ? probe.dueAt + 2_000 : 0, from + (options.holdMs ?? 0));
    await waitFor(`${name}: the outage lasts past its deadline`, () => Date.now() >= holdUntil, holdUntil - Date.now() + 60_000);
    const to = Date.now();
    await options.up();
    const record: Outage = { name, from, to, probe, survivors, pidsBefore };
    outages.push(record);
    await waitFor(
      `${name}: every app ready again`,
      async () => (await Promise.all(APPS.map((app) => fetch(`${apps.url(app)}/health`).then((r) => r.status === 200, () => false)))).every(Boolean),
      RECOVERY_MS,
      () => apps.tails(),
    );
    record.pidsAfter = Object.fromEntries(survivors.map((app) => [app, apps.app(app).process.pid]));
    await progressAfter(name);
  };

  beforeAll(async () => {
    [pg, kafka, temporal] = await Promise.all([startPrivatePostgres(), startPrivateKafka(), startPrivateTemporal()]);
    apps = await startAppSet({ DATABASE_URL: pg.url, KAFKA_BROKERS: kafka.brokers, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: 'faults', LOG_LEVEL: 'warn' }, APPS, 120_000, 'faults');
    pool = new Pool({ connectionString: pg.url, max: 4 });
    pool.on('error', () => undefined); // an idle client cut by the restart: the next query connects again
    feed = new HotlineFeed(kafka.brokers);
    await feed.connect();
    tracker = new CaseTracker(pool, feed);
    traffic = new ApiTraffic(() => apps.url('api'), () => tracker.open);
    await traffic.registerStaff();
    health = new HealthWatch(apps, APPS);
    logWatch = new LogWatch(pool);
    logWatch.start(500);

    tracker.follow(500);
    health.start(1_000);
    feed.steady(HOTLINE_PER_SECOND);
    traffic.steady(COMMANDS_PER_SECOND, BOARD_PER_SECOND);
    await waitFor('the first cases open and commands are accepted', () => tracker.open.length >= 5 && traffic.accepted.length >= 5, RECOVERY_MS, () => apps.tails());

    await outage('PostgreSQL restarted', { down: () => pg.stop('immediate'), up: () => pg.start(), probeLeadMs: 30_000, holdMs: 5_000 });
    await outage('Temporal SIGKILLed', { down: () => temporal.kill(), up: () => temporal.start(), probeLeadMs: 30_000, holdMs: 5_000 });
    // the backlog the Kafka outage builds crosses a power of ten of the transaction ids (see transaction-ids.ts)
    await approachNextPowerOfTen(pool);
    await outage('Kafka stopped for 30 s', { down: () => kafka.stop(), up: () => kafka.start(), probeLeadMs: 20_000, holdMs: KAFKA_OUTAGE_MS });
    for (const app of APPS) {
      const killed = (): Promise<void> => apps.app(app).stop('SIGKILL').then(() => undefined);
      await outage(`${app} SIGKILLed`, {
        down: killed,
        up: () => apps.killAndRestart(app),
        restarted: app,
        // the worker runs the timers: its deadline falls while it is dead
        ...(app === 'worker' ? { probeLeadMs: 20_000 } : {}),
      });
    }

    // the stream stops; whatever is still owed is delivered
    await feed.stop();
    await traffic.stop();
    await traffic.settle(RECOVERY_MS);
    tracker.stop();
    await waitFor('every acknowledged hotline event has opened its case', async () => (await tracker.poll(), tracker.waiting() === 0), RECOVERY_MS);
    await waitFor('every probe has missed its deadline', async () => (await Promise.all(outages.filter((o) => o.probe).map((o) => missedDeadline(pool, o.probe!)))).every(Boolean), RECOVERY_MS);
    const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM events');
    eventsInLog = rows.length;
    // the relay is caught up within seconds once every app is back: a minute with nothing new means no more is coming
    reading = await readCaseEventTopic(kafka.brokers, new Set(rows.map((row) => row.event_id)), 60_000);
    order = checkPerCaseOrder(reading.messages);
    health.stop();
    logWatch.stop();
  });

  afterAll(async () => {
    health?.stop();
    logWatch?.stop();
    // whatever beforeAll got to, so a failure anywhere leaves its evidence
    if (pool && logWatch) await writeEvidence(pool, reading, order, traffic?.refused ?? [], outages, logWatch).catch((error: unknown) => process.stdout.write(`no evidence written: ${String(error)}\n`));
    tracker?.stop();
    await traffic?.stop();
    await feed?.stop().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await apps?.stop();
    await Promise.all([pg?.dispose(), kafka?.dispose(), temporal?.dispose()]);
    const counts = {
      events: eventsInLog,
      cases: tracker?.open.length ?? 0,
      commands: traffic?.accepted.length ?? 0,
      outages: outages.map((o) => o.name),
    };
    const unavailable = traffic?.answers.filter((a) => a.status === 503).length ?? 0;
    process.stdout.write(
      `\nfaults: ${counts.events} events checked, ${counts.cases} cases checked, ${counts.commands} accepted commands checked, ` +
        `${outages.length} outages survived (${counts.outages.join('; ')}), ${order?.duplicates ?? 0} redelivered case events, ` +
        `${unavailable} answers 503 with Retry-After, ${logWatch?.anomalies.length ?? 0} log anomalies in ${logWatch?.polls ?? 0} polls, wall time ${Math.round((Date.now() - began) / 1000)} s\n`,
    );
  });

  it('survived every outage it was put through', () => {
    expect(outages.map((o) => o.name)).toEqual([
      'PostgreSQL restarted',
      'Temporal SIGKILLed',
      'Kafka stopped for 30 s',
      'worker SIGKILLed',
      'intake SIGKILLed',
      'relay SIGKILLed',
      'api SIGKILLed',
    ]);
  });

  it('holds the events of every accepted command exactly once in the log', async () => {
    expect(traffic.accepted.length).toBeGreaterThan(50);
    const ids = traffic.accepted.map((command) => command.commandId);
    const { rows } = await pool.query<{ command_id: string; n: number }>(
      `SELECT metadata->>'commandId' AS command_id, count(*)::int AS n FROM events WHERE metadata->>'commandId' = ANY($1) GROUP BY 1`,
      [ids],
    );
    const counts = new Map(rows.map((row) => [row.command_id, row.n]));
    // each command of this traffic (AssignCaseworker, AddNote) decides exactly one event
    const wrong = traffic.accepted.filter((command) => counts.get(command.commandId) !== 1).map((c) => `${c.type} ${c.commandId}: ${counts.get(c.commandId) ?? 0}`);
    expect(wrong).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(traffic.refused).toEqual([]);
  });

  it('opened exactly one case for every hotline event the broker acknowledged', async () => {
    const sent = new Map([...feed.acknowledged.map((event) => [event.eventId, event.caseId] as const), ...probes]);
    expect(sent.size).toBeGreaterThan(100);
    const { rows } = await pool.query<{ event_id: string; stream_id: string; n: number }>(
      `SELECT data->>'hotlineEventId' AS event_id, min(stream_id) AS stream_id, count(*)::int AS n FROM events WHERE type = 'CaseOpened' GROUP BY 1`,
    );
    const opened = new Map(rows.map((row) => [row.event_id, row]));
    const wrong = [...sent].filter(([eventId, caseId]) => opened.get(eventId)?.n !== 1 || opened.get(eventId)?.stream_id !== caseId);
    expect(wrong).toEqual([]);
    expect(rows.length).toBe(sent.size); // and no case from nowhere
  });

  it('published every event of the log to protection.case-events.v1', () => {
    expect(reading?.missing).toEqual([]);
  });

  it('kept per-case order on protection.case-events.v1 (duplicates only as redeliveries of a message-id)', () => {
    expect(order.cases).toBeGreaterThan(100);
    expect(order.violations).toEqual([]);
  });

  it('lost no timer: each deadline that fell during an outage still fired', async () => {
    const probed = outages.filter((o) => o.probe);
    expect(probed.map((o) => o.name)).toEqual(['PostgreSQL restarted', 'Temporal SIGKILLed', 'Kafka stopped for 30 s', 'worker SIGKILLed']);
    for (const o of probed) {
      const probe = o.probe!;
      expect({ outage: o.name, fellInside: probe.dueAt > o.from && probe.dueAt < o.to }).toEqual({ outage: o.name, fellInside: true });
      const missed = await missedDeadline(pool, probe);
      expect(missed?.dueAt).toBe(probe.dueAt);
    }
  });

  it('answered 503 with Retry-After during the outages, never a 500', () => {
    const serverErrors = traffic.answers.filter((a) => a.status >= 500 && a.status !== 503);
    expect(serverErrors.map((a) => `${a.status} ${a.path}`)).toEqual([]);
    const unavailable = traffic.answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((a) => !a.retryAfter || !(Number(a.retryAfter) > 0))).toEqual([]);
    const duringPostgres = outages.find((o) => o.name === 'PostgreSQL restarted')!;
    const duringTemporal = outages.find((o) => o.name === 'Temporal SIGKILLed')!;
    const inside = (o: Outage) => unavailable.some((a) => a.at >= o.from && a.at <= o.to + RECOVERY_MS);
    expect({ postgres: inside(duringPostgres), temporal: inside(duringTemporal) }).toEqual({ postgres: true, temporal: true });
  });

  it('saw every surviving app recover by itself (ready again, same process)', () => {
    for (const o of outages) {
      expect({ outage: o.name, pids: o.pidsAfter }).toEqual({ outage: o.name, pids: o.pidsBefore });
    }
    // the outages of a dependency really took the apps that need it down (readiness is not a constant)
    const down = (name: string) => {
      const o = outages.find((x) => x.name === name)!;
      return health.downBetween(o.from, o.to).sort();
    };
    expect(down('PostgreSQL restarted')).toEqual(expect.arrayContaining(['api', 'intake', 'relay', 'worker']));
    expect(down('Kafka stopped for 30 s')).toEqual(expect.arrayContaining(['intake', 'relay']));
    expect(down('Temporal SIGKILLed')).toEqual(expect.arrayContaining(['api', 'worker']));
  });
});
