import { Counter, type Registry } from 'prom-client';
import type { Pool } from 'pg';
import type { KeysConfig } from '@baoho/config';
import { createCasePersonalData } from '@baoho/crypto';
import { createCaseEventStore } from '@baoho/event-store';
import { METRICS_REGISTRY, POSTGRES_POOL, ROOT_LOGGER, type Logger } from '@baoho/observability';
import { LoggedNotificationPort } from '../notifications/logged-notification-port';
import { createCaseActivities } from './case-activities';

export const CASE_ACTIVITIES = Symbol('CASE_ACTIVITIES');

/**
 * The activities the worker registers, over the app's PostgreSQL pool and the default notification port. The
 * keyring opens sealed personal parts for the search index only, inside the append's transaction.
 */
export const caseActivitiesProvider = (searchIndexKey: string, keys: KeysConfig) => ({
  provide: CASE_ACTIVITIES,
  inject: [POSTGRES_POOL, ROOT_LOGGER, METRICS_REGISTRY],
  useFactory: (pool: Pool, logger: Logger, registry: Registry) => {
    const handed = new Counter({
      name: 'baoho_case_notices_handed_total',
      help: 'Escalations and notices handed to the notification port, by event type.',
      labelNames: ['type'] as const,
      registers: [registry],
    });
    return createCaseActivities({
      store: createCaseEventStore(pool, { searchKey: searchIndexKey, personalData: createCasePersonalData(pool, keys) }),
      notifications: new LoggedNotificationPort(logger.child({ component: 'notifications' }), handed),
    });
  },
});
