// A private one-node KRaft Kafka for a test that must stop "Kafka" without disturbing the shared broker the
// other tests use: its own temp data dir, ports chosen by the OS, the cached jars (scripts/services/kafka-run.sh).
// `stop()` and `start()` again keep the data dir and the ports, so clients configured with `brokers` reconnect.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, sleep } from './apps';
import { RestartableProcess } from './restartable-process';

const root = path.resolve(__dirname, '../..');
const runner = path.join(root, 'scripts', 'services', 'kafka-run.sh');

export interface PrivateKafka {
  /** `127.0.0.1:<port>`, for KAFKA_BROKERS. */
  readonly brokers: string;
  readonly dataDir: string;
  /** Starts the broker (again) on the same data dir and ports; resolves once `describeCluster` answers. */
  start(): Promise<void>;
  /** Stops the broker (SIGTERM, SIGKILL after 30 s); resolves once the JVM exited. */
  stop(): Promise<void>;
  /** Stops it and deletes its data dir. */
  dispose(): Promise<void>;
  /** The broker's log so far (for failure messages). */
  log(): string;
}

function baohoHome(): string {
  const home = process.env.BAOHO_HOME;
  if (!home) throw new Error('BAOHO_HOME is not set: run `source .baoho/env` (or `npm test`) first');
  return home;
}

/** Formats a fresh KRaft log dir and starts a broker on it. */
export async function startPrivateKafka(startTimeoutMs = 90_000): Promise<PrivateKafka> {
  const home = baohoHome();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baoho-kafka-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'kafka.log');
  const [port, controllerPort] = [await freePort(), await freePort()];
  const brokers = `127.0.0.1:${port}`;
  const conf = path.join(dir, 'server.properties');
  writeFileSync(
    conf,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name=PLAINTEXT',
      `log.dirs=${dataDir}`,
      'num.partitions=1',
      'auto.create.topics.enable=false',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=1',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'transaction.state.log.num.partitions=1',
      'group.initial.rebalance.delay.ms=0',
      'controlled.shutdown.enable=true',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, BAOHO_HOME: home, BAOHO_KAFKA_HEAP: process.env.BAOHO_PRIVATE_KAFKA_HEAP ?? '384m' };

  const clusterId = kraftClusterId();
  await runToCompletion(spawn('bash', [runner, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', conf], { env }), logFile);

  // kafka-run.sh execs java: the spawned process is the JVM, so signalling it stops the broker
  const broker = new RestartableProcess({ command: 'bash', args: [runner, 'kafka.Kafka', conf], env, logFile, killAfterMs: 30_000 });
  const readLog = (): string => broker.log();
  const stop = (): Promise<void> => broker.stop();

  const start = async (): Promise<void> => {
    const child = broker.spawn();
    try {
      await waitUntilAnswering(brokers, child, startTimeoutMs);
    } catch (error) {
      await stop();
      throw new Error(`${(error as Error).message}\n--- kafka.log ---\n${readLog().slice(-4000)}`);
    }
  };

  await start();
  return {
    brokers,
    dataDir,
    start,
    stop,
    log: readLog,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function runToCompletion(child: ChildProcess, logFile: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  writeFileSync(logFile, output, { flag: 'a' });
  if (code !== 0) throw new Error(`kafka storage format failed (exit ${code}):\n${output}`);
}

async function waitUntilAnswering(brokers: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const kafka = new Kafka({
    clientId: 'baoho-private-kafka-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the private Kafka exited during start-up');
    const admin = kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0 && cluster.controller !== null) return;
    } catch {
      // not yet
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(300);
  }
  throw new Error(`the private Kafka did not answer within ${timeoutMs} ms`);
}

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding (what `StorageTool random-uuid` prints). Like
 * Kafka's own `Uuid.randomUuid`, never one that starts with '-': the format tool would read it as an option and
 * fail ("argument --cluster-id: expected one argument"), about one start in 64.
 */
function kraftClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
