// A server process a test starts, stops and starts again (a private broker, a private Temporal): its output
// appended to one log file across restarts, SIGTERM on stop and SIGKILL if it has not exited in time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

export interface RestartableProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
  /** How long a stop waits after SIGTERM before SIGKILL. */
  readonly killAfterMs: number;
}

export class RestartableProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;

  constructor(private readonly options: RestartableProcessOptions) {}

  /** Spawns it; throws if it is already running. The caller waits for readiness its own way. */
  spawn(): ChildProcess {
    if (this.child) throw new Error(`${this.options.command} is already running`);
    const out = createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(this.options.command, [...this.options.args], { env: this.options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    this.child = child;
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
    return child;
  }

  /** Stops it (SIGTERM, then SIGKILL after `killAfterMs`); resolves once it exited. */
  async stop(): Promise<void> {
    const running = this.child;
    if (!running) return;
    if (running.exitCode === null && running.signalCode === null) {
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), this.options.killAfterMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.child = undefined;
  }

  /** Kills it with SIGKILL (a crash: no clean-up of its own); resolves once it exited. */
  async kill(): Promise<void> {
    const running = this.child;
    if (!running) return;
    if (running.exitCode === null && running.signalCode === null) {
      running.kill('SIGKILL');
      await this.exited;
    }
    this.child = undefined;
  }

  /** Its output so far, across restarts (for failure messages). */
  log(): string {
    try {
      return readFileSync(this.options.logFile, 'utf8');
    } catch {
      return '';
    }
  }
}
