// The master keys tests and the apps they spawn share: the development key file the scripts create
// (MASTER_KEYS_FILE from `.baoho/env`), created here too when a test runs without the scripts.
import path from 'node:path';
import type { Pool } from 'pg';
import { CasePersonalData, createCasePersonalData, ensureMasterKeyFile, type Keyring, createKeyring } from '@baoho/crypto';

export const masterKeysFile = (): string =>
  ensureMasterKeyFile(process.env['MASTER_KEYS_FILE'] ?? path.resolve(__dirname, '../../.baoho/keys/master-keys.json'));

/** What a spawned app needs to use the same master keys. */
export const keysEnv = (): Record<string, string> => ({ MASTER_KEYS_FILE: masterKeysFile() });

export const testKeyring = (pool: Pool): Keyring => createKeyring(pool, { masterKeysFile: masterKeysFile(), cacheTtlMs: 0 });

export const testPersonalData = (pool: Pool): CasePersonalData => createCasePersonalData(pool, { masterKeysFile: masterKeysFile() });
