import type { PoolClient } from 'pg';
import { destroyCaseKeys } from '@baoho/crypto';
import type { Projection, StoredEvent } from '../types';

/**
 * Erasure, inside the append that records it: `PersonalDataErased` commits together with the destruction of the
 * case's data key and of the keys of the refused payloads linked to the case, or not at all.
 */
export const caseErasureProjection: Projection = Object.freeze({
  name: 'case-erasure',
  tables: [],
  apply: async (client: PoolClient, events: readonly StoredEvent[]): Promise<void> => {
    for (const event of events) {
      if (event.type === 'PersonalDataErased') await destroyCaseKeys(client, event.streamId);
    }
  },
});
