import { listKey } from '../src/lists/list-responder';
import { missionListQuerySchema } from '../src/worklists/worklist-query';
import { scopeOf } from '../src/auth/scope';

// The mission list is cached under listKey('cases', scope, parsed query): every parameter must change the key, or two
// different lists would share a page. A parameter added to the schema without a value here fails the first test.
describe('the mission list’s cache key', () => {
  const sample: Record<string, string> = {
    mission: 'KR-SEL',
    stage: 'intake',
    risk: 'critical',
    category: 'gbv',
    status: 'open',
    overdue: 'true',
    escalated: 'false',
    assigned: 'false',
    cursor: 'abc',
    limit: '10',
  };
  const scope = scopeOf({ userId: 'sup-1', role: 'supervisor', missions: ['KR-SEL'] });
  const key = (query: Record<string, string>): string => listKey('cases', scope, missionListQuerySchema.parse(query));

  it('has a sample for every parameter', () => {
    expect(Object.keys(missionListQuerySchema.shape).sort()).toEqual(Object.keys(sample).sort());
  });

  it('differs with each parameter, and with each value of a flag', () => {
    for (const [name, value] of Object.entries(sample)) expect({ name, differs: key({ [name]: value }) !== key({}) }).toEqual({ name, differs: true });
    expect(key({ assigned: 'true' })).not.toBe(key({ assigned: 'false' }));
  });
});
