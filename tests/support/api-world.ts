// The world of an API end-to-end test file, built once for it: a fresh database, the worker and the api on the
// real services (a task queue of its own), a client, and a small pool for looking at the tables; stopped and
// dropped after the file's tests. `staff` are registered in the staff directory first.
import { Pool } from 'pg';
import { apiClient, type ApiClient, type Caller } from './api-client';
import { serviceEnv, startReadyApps, type RunningApp } from './apps';
import { createTestDatabase, type TestDatabase } from './postgres';
import { registerStaff } from './staff';
import { uniqueTaskQueue } from './temporal';

export interface ApiWorld {
  readonly db: TestDatabase;
  readonly pool: Pool;
  readonly apps: readonly RunningApp[];
  readonly api: ApiClient;
}

/** Registers the file's beforeAll / afterAll; the returned world is filled in before its first test. */
export function useApiWorld(name: string, staff: readonly Caller[] = []): ApiWorld {
  const world = {} as { db: TestDatabase; pool: Pool; apps: RunningApp[]; api: ApiClient };
  beforeAll(async () => {
    world.db = await createTestDatabase();
    world.pool = new Pool({ connectionString: world.db.url, max: 2 });
    world.apps = await startReadyApps(['worker', 'api'], { ...serviceEnv(), DATABASE_URL: world.db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue(name) });
    world.api = apiClient(world.apps[1]!.url);
    if (staff.length) await registerStaff(world.api, staff);
  });
  afterAll(async () => {
    await Promise.all((world.apps ?? []).map((app) => app.stop('SIGTERM')));
    await world.pool?.end();
    await world.db?.drop();
  });
  return world;
}
