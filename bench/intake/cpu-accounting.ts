// Where a flat-out round's CPU goes: read from /proc before and after, per process of the system under measurement,
// and the worker's (and this bench's) threads apart, so a rate can be told from what it costs. Linux only, as the
// bench is. The processes are found as descendants of this bench (the apps, the private Temporal server, the
// private Kafka broker) and as the shared PostgreSQL cluster's postmaster with its backends; a backend that
// exited meanwhile is still counted, through the postmaster's reaped-children times.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What each process (or thread group) is called in the report. */
export type Part =
  | 'worker: workflow thread'
  | 'worker: main thread'
  | 'worker: Temporal core'
  | 'Temporal server'
  | 'intake'
  | 'api'
  | 'Kafka'
  | 'PostgreSQL'
  | 'bench: bare worker, workflow thread'
  | 'bench: main thread'
  | 'bench: Temporal core';

export interface CpuSample {
  /** CPU time, ms, per part. */
  readonly parts: ReadonlyMap<Part, number>;
  /** CPU time of the whole machine (every process, every core), ms: what the parts leave out shows here. */
  readonly machine: number;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const ms = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;

interface Stat {
  readonly ppid: number;
  /** Own user + system ticks. */
  readonly own: number;
  /** Ticks of children it reaped. */
  readonly reaped: number;
}

/** Fields of /proc/…/stat after the command name: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. */
function parseStat(text: string): Stat {
  const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
  return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return undefined; // gone between listing and reading
  }
};

/** The threads of a Node process, grouped: the JS main thread, the SDK's workflow worker thread, the Rust core's. */
function threadsOf(pid: number): { main: number; workflow: number; core: number } {
  const out = { main: 0, workflow: 0, core: 0 };
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const text = read(`/proc/${pid}/task/${tid}/stat`);
    if (!text) continue;
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const { own } = parseStat(text);
    if (tid === String(pid)) out.main += own;
    // worker_threads are named "node"; the SDK runs workflows in one (reuseV8Context)
    else if (name === 'node') out.workflow += own;
    // the Rust core: its tokio runtime and its workflow-processing thread
    else if (name.startsWith('tokio') || name.startsWith('workflow-proces')) out.core += own;
    else out.main += own; // V8's and libuv's helpers: counted with the main thread
  }
  return out;
}

function postmasterPid(): number | undefined {
  const home = process.env['BAOHO_HOME'];
  const text = home ? read(path.join(home, 'pg', 'data', 'postmaster.pid')) : undefined;
  const pid = Number(text?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A process of the system by its command line: the worker, whose threads are split, or a part as a whole. */
function partOf(cmdline: string): Part | 'worker' | undefined {
  if (cmdline.includes('dist/apps/worker')) return 'worker';
  if (cmdline.includes('dist/apps/intake')) return 'intake';
  if (cmdline.includes('dist/apps/api')) return 'api';
  if (cmdline.includes('kafka.Kafka')) return 'Kafka';
  if (/\btemporal\b.*\bserver\b/.test(cmdline)) return 'Temporal server';
  return undefined;
}

/** Machine-wide busy time from /proc/stat's first line (everything but idle and iowait). */
function machineBusy(): number {
  const fields = (read('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ms(user + nice + system + irq + softirq + steal);
}

export function sampleCpu(): CpuSample {
  const stats = new Map<number, Stat & { cmdline: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = read(`/proc/${entry}/stat`);
    if (!text) continue;
    stats.set(Number(entry), { ...parseStat(text), cmdline: (read(`/proc/${entry}/cmdline`) ?? '').replace(/\0/g, ' ') });
  }
  const descendsFrom = (pid: number, root: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at && hops < 64; at = stats.get(at)?.ppid, hops++) if (at === root) return true;
    return false;
  };
  const parts = new Map<Part, number>();
  const add = (part: Part, ticks: number) => parts.set(part, (parts.get(part) ?? 0) + ms(ticks));

  const bench = threadsOf(process.pid);
  add('bench: main thread', bench.main);
  add('bench: bare worker, workflow thread', bench.workflow);
  add('bench: Temporal core', bench.core);
  for (const [pid, stat] of stats) {
    if (pid === process.pid || !descendsFrom(pid, process.pid)) continue;
    const part = partOf(stat.cmdline);
    if (!part) continue;
    if (part === 'worker') {
      const threads = threadsOf(pid);
      add('worker: main thread', threads.main);
      add('worker: workflow thread', threads.workflow);
      add('worker: Temporal core', threads.core);
    } else add(part, stat.own + stat.reaped);
  }
  const postmaster = postmasterPid();
  if (postmaster && stats.has(postmaster)) {
    add('PostgreSQL', stats.get(postmaster)!.own + stats.get(postmaster)!.reaped);
    for (const stat of stats.values()) if (stat.ppid === postmaster) add('PostgreSQL', stat.own);
  }
  return { parts, machine: machineBusy() };
}

/** CPU ms per case between two samples, per part and for the machine. */
export function cpuPerCase(before: CpuSample, after: CpuSample, cases: number): { parts: Map<Part, number>; machine: number } {
  const parts = new Map<Part, number>();
  for (const [part, value] of after.parts) parts.set(part, (value - (before.parts.get(part) ?? 0)) / cases);
  return { parts, machine: (after.machine - before.machine) / cases };
}
