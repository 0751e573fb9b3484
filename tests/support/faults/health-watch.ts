// Every app's readiness, polled once a second through the whole fault run: which apps went down (503 or no
// answer) during each outage, and whether each came back to 200 by itself, in the same process.
import type { AppName } from '../apps';
import type { AppSet } from './app-set';

export interface HealthSample {
  readonly app: AppName;
  readonly pid: number | undefined;
  /** HTTP status of /health, 0 when it did not answer. */
  readonly status: number;
  readonly at: number;
}

export class HealthWatch {
  readonly samples: HealthSample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly apps: AppSet,
    private readonly names: readonly AppName[],
  ) {}

  start(everyMs = 1_000): void {
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    await Promise.all(
      this.names.map(async (app) => {
        const running = this.apps.app(app);
        const status = await fetch(`${running.url}/health`, { signal: AbortSignal.timeout(3_000) })
          .then(async (response) => {
            await response.arrayBuffer();
            return response.status;
          })
          .catch(() => 0);
        this.samples.push({ app, pid: running.process.pid, status, at: Date.now() });
      }),
    );
  }

  /** Apps that reported anything but 200 between `from` and `to`. */
  downBetween(from: number, to: number): AppName[] {
    return [...new Set(this.samples.filter((s) => s.at >= from && s.at <= to && s.status !== 200).map((s) => s.app))];
  }
}
