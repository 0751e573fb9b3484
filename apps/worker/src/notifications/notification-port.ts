import type { CaseNotice } from '@baoho/workflows';

/**
 * Where the workflows hand escalations and notices. Delivery to people (mail, SMS, a duty roster) is not the
 * worker's job: the relay publishes the same events from the log to `protection.notifications.v1`. A port lets
 * a deployment add a direct channel, and lets tests see what was handed over.
 */
export interface NotificationPort {
  deliver(notice: CaseNotice): Promise<void>;
}
