import type { StoredEvent } from '@baoho/event-store';
import { CaseOrderGuard } from '../src/case-order-guard';

const event = (caseId: string, version: number): StoredEvent => ({
  globalPosition: String(version),
  transactionId: String(version),
  streamId: caseId,
  streamVersion: version,
  eventId: `${caseId}:${version}`,
  type: 'NoteAdded',
  schemaVersion: 1,
  data: {},
  personal: null,
  metadata: {},
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
});
const ids = (events: readonly StoredEvent[]): string[] => events.map((e) => e.eventId);

describe('the relay’s per-case order guard', () => {
  const streams = new Map([['a', [1, 2, 3, 4, 5, 6].map((v) => event('a', v))]]);
  const reads: Array<[string, number]> = [];
  const readStream = async (caseId: string, fromVersion: number): Promise<StoredEvent[]> => {
    reads.push([caseId, fromVersion]);
    return (streams.get(caseId) ?? []).filter((e) => e.streamVersion > fromVersion);
  };

  it('takes a case it has not published as it comes', async () => {
    const guard = new CaseOrderGuard(readStream);
    const { events, filled } = await guard.inOrder([event('a', 3), event('a', 4)]);
    expect(ids(events)).toEqual(['a:3', 'a:4']);
    expect(filled).toEqual([]);
  });

  it('reads in the events a batch lacks between the last published and the next, and puts none in twice', async () => {
    const guard = new CaseOrderGuard(readStream);
    guard.remember([event('a', 1), event('a', 2)]);
    reads.length = 0;
    // the batch brings v5 before v3 and v4 (which come later in it): v3, v4 go first, once
    const { events, filled } = await guard.inOrder([event('b', 1), event('a', 5), event('a', 3), event('a', 4), event('a', 6)]);
    expect(ids(events)).toEqual(['b:1', 'a:3', 'a:4', 'a:5', 'a:6']);
    expect(filled).toEqual([{ caseId: 'a', from: 3, to: 4 }]);
    expect(reads).toEqual([['a', 2]]);
  });

  it('lets a redelivery of what it published through (at least once)', async () => {
    const guard = new CaseOrderGuard(readStream);
    guard.remember([event('a', 1), event('a', 2), event('a', 3)]);
    const { events, filled } = await guard.inOrder([event('a', 2), event('a', 3), event('a', 4)]);
    expect(ids(events)).toEqual(['a:2', 'a:3', 'a:4']);
    expect(filled).toEqual([]);
  });
});
