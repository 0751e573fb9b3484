import type { Counter } from 'prom-client';
import type { Logger } from '@baoho/observability';
import type { CaseNotice } from '@baoho/workflows';
import type { NotificationPort } from './notification-port';

/**
 * The default port: a structured log line and a counter per notice — codes and ids only (the recipient's
 * role, the item, the level), never a name. The notifications topic, fed by the relay, is the delivery path.
 */
export class LoggedNotificationPort implements NotificationPort {
  constructor(
    private readonly logger: Logger,
    private readonly handed: Counter<'type'>,
  ) {}

  async deliver(notice: CaseNotice): Promise<void> {
    const recipient = notice.data['recipient'] as { role?: string } | undefined;
    this.logger.info(
      {
        caseId: notice.caseId,
        eventId: notice.eventId,
        type: notice.type,
        item: notice.data['item'],
        level: notice.data['level'],
        recipientRole: recipient?.role,
      },
      'case notice handed over',
    );
    this.handed.inc({ type: notice.type });
  }
}
