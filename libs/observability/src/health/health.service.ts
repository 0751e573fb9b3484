import { Inject, Injectable } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { HEALTH_INDICATORS, METRICS_REGISTRY } from '../tokens';
import {
  describeError,
  withTimeout,
  type DependencyIndicator,
  type DependencyStatus,
  type HealthReport,
} from './dependency-indicator';

/** How long one probe may take before its dependency counts as down. */
export const PROBE_TIMEOUT_MS = 1_500;

/**
 * Probes every required dependency, in parallel, on each readiness request. A probe still running from an
 * earlier request is joined rather than doubled, so a slow dependency cannot pile up connections.
 */
@Injectable()
export class HealthService {
  private readonly indicators: DependencyIndicator[] = [];
  private readonly inFlight = new Map<DependencyIndicator, Promise<DependencyStatus>>();
  private readonly up: Gauge<'dependency'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(HEALTH_INDICATORS) indicators: readonly DependencyIndicator[],
  ) {
    this.up = new Gauge({
      name: 'baoho_dependency_up',
      help: 'Whether a required dependency answered its last readiness probe (1) or not (0).',
      labelNames: ['dependency'],
      registers: [registry],
    });
    for (const indicator of indicators) this.register(indicator);
  }

  /** Adds a dependency to readiness (an app's own, such as its Temporal worker). */
  register(indicator: DependencyIndicator): void {
    this.indicators.push(indicator);
  }

  async readiness(): Promise<HealthReport> {
    const dependencies = await Promise.all(this.indicators.map((indicator) => this.probe(indicator)));
    return { status: dependencies.every((d) => d.status === 'up') ? 'up' : 'down', dependencies };
  }

  private probe(indicator: DependencyIndicator): Promise<DependencyStatus> {
    const running = this.inFlight.get(indicator);
    if (running) return running;
    const check = Promise.resolve().then(() => indicator.check());
    const status = withTimeout(check, PROBE_TIMEOUT_MS).then(
      (): DependencyStatus => ({ name: indicator.name, status: 'up' }),
      (error: unknown): DependencyStatus => ({ name: indicator.name, status: 'down', error: describeError(error) }),
    );
    const recorded = status.then((result) => {
      this.up.set({ dependency: indicator.name }, result.status === 'up' ? 1 : 0);
      return result;
    });
    // a check may outlive its timeout: until it settles, later requests join it instead of starting another
    this.inFlight.set(indicator, recorded);
    const forget = (): void => {
      if (this.inFlight.get(indicator) === recorded) this.inFlight.delete(indicator);
    };
    check.then(forget, forget);
    return recorded;
  }
}
