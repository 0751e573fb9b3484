// The people a test assigns or shares a case to must be in the staff directory, as in production: registered by the
// platform admin (PUT /v1/staff/:userId), active, with their token's missions (KR-SEL unless given). The one way
// tests register them, so no test copies the set-up.
import { apiClient, type ApiClient, type Caller } from './api-client';

/** The admin whose token registers staff in tests. */
export const staffAdmin: Caller = { userId: 'admin-staff', role: 'admin', missions: [] };

/** Registers each person (an `apiClient` or the api's base URL); fails the test on any answer but 200. */
export async function registerStaff(api: ApiClient | string, people: readonly Caller[]): Promise<void> {
  const client = typeof api === 'string' ? apiClient(api) : api;
  for (const person of people) {
    const answer = await client.put(`/v1/staff/${encodeURIComponent(person.userId)}`, staffAdmin, {
      role: person.role,
      missions: person.missions ?? ['KR-SEL'],
      active: true,
    });
    if (answer.status !== 200) throw new Error(`registering ${person.userId} as staff: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
