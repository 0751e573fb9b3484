// What an app builds at boot: the local-file key provider and a keyring over the app's pool.
import type { Db, KeyringOptions } from './keyring';
import { Keyring } from './keyring';
import { CasePersonalData } from './case-personal-data';
import { LocalFileKeyProvider } from './local-file-key-provider';

export interface KeysSettings extends KeyringOptions {
  readonly masterKeysFile: string;
}

export function createKeyring(db: Db, settings: KeysSettings): Keyring {
  return new Keyring(db, new LocalFileKeyProvider(settings.masterKeysFile), settings);
}

export const createCasePersonalData = (db: Db, settings: KeysSettings): CasePersonalData =>
  new CasePersonalData(createKeyring(db, settings));
