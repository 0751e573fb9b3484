// @baoho/crypto — personal data sealed per case (AES-256-GCM data keys wrapped by a master key behind a
// KeyProvider), erasable by destroying the key. The only public face of this library.
export { SEALED_PREFIX, isSealedText, openText, sealText } from './sealed-envelope';
export type { KeyProvider, WrappedKey } from './key-provider';
export {
  LocalFileKeyProvider,
  MasterKeyFileError,
  addMasterKey,
  ensureMasterKeyFile,
  parseMasterKeyFile,
  retireMasterKeys,
  type MasterKeyFile,
} from './local-file-key-provider';
export { KeyCache } from './key-cache';
export {
  DataKeyErasedError,
  DataKeyMissingError,
  Keyring,
  caseKeyOwner,
  rejectionKeyOwner,
  type Db,
  type KeyringOptions,
} from './keyring';
export { destroyCaseKeys } from './destroy-keys';
export { rewrapDataKeys, type RotationReport } from './rotate-master-key';
export { CasePersonalData, type KeyLookup, type Opened } from './case-personal-data';
export { createCasePersonalData, createKeyring, type KeysSettings } from './create-case-personal-data';
