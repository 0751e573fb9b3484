import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '@baoho/http';
import type { HealthReport } from './dependency-indicator';
import { HealthService } from './health.service';

/** Public: probes carry no token. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers HTTP. Never depends on anything outside it. */
  @Get('live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** Readiness: 200 when every required dependency answers, 503 otherwise; the body lists each. */
  @Get()
  async ready(): Promise<HealthReport> {
    const report = await this.health.readiness();
    if (report.status !== 'up') throw new ServiceUnavailableException(report);
    return report;
  }
}
