// Master keys from a local JSON file, for development: `{ "current": "<id>", "keys": { "<id>": "<base64 32 bytes>" } }`.
// The scripts create it under .baoho/keys/ (git-ignored) on first use; `npm run keys -- rotate` adds a new
// current key and re-wraps every data key. Wrapping is AES-256-GCM with the owner as AAD.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyProvider, WrappedKey } from './key-provider';
import { openText, sealText } from './sealed-envelope';

export interface MasterKeyFile {
  readonly current: string;
  readonly keys: Readonly<Record<string, string>>;
}

export class MasterKeyFileError extends Error {}

export function parseMasterKeyFile(text: string, where: string): MasterKeyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MasterKeyFileError(`${where} is not JSON`);
  }
  const file = parsed as Partial<MasterKeyFile>;
  if (typeof file.current !== 'string' || typeof file.keys !== 'object' || file.keys === null) {
    throw new MasterKeyFileError(`${where} needs "current" and "keys"`);
  }
  for (const [id, key] of Object.entries(file.keys)) {
    if (typeof key !== 'string' || Buffer.from(key, 'base64').length !== 32) {
      throw new MasterKeyFileError(`${where}: master key ${id} is not 32 bytes of base64`);
    }
  }
  if (!(file.current in file.keys)) throw new MasterKeyFileError(`${where}: the current master key ${file.current} is missing`);
  return { current: file.current, keys: file.keys };
}

const newKeyId = (): string => `mk-${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;

/** Creates the file with one master key when it does not exist; returns its path either way. */
export function ensureMasterKeyFile(path: string): string {
  if (existsSync(path)) return path;
  const id = newKeyId();
  writeMasterKeyFile(path, { current: id, keys: { [id]: randomBytes(32).toString('base64') } });
  return path;
}

/** Adds a new master key and makes it current (the old ones stay, so data keys still unwrap until re-wrapped). */
export function addMasterKey(path: string): string {
  const file = parseMasterKeyFile(readFileSync(path, 'utf8'), path);
  const id = newKeyId();
  writeMasterKeyFile(path, { current: id, keys: { ...file.keys, [id]: randomBytes(32).toString('base64') } });
  return id;
}

/** Drops master keys no data key needs any more (after rotation finished). */
export function retireMasterKeys(path: string, keep: readonly string[]): string[] {
  const file = parseMasterKeyFile(readFileSync(path, 'utf8'), path);
  const kept = new Set([file.current, ...keep]);
  const retired = Object.keys(file.keys).filter((id) => !kept.has(id));
  writeMasterKeyFile(path, { current: file.current, keys: Object.fromEntries(Object.entries(file.keys).filter(([id]) => kept.has(id))) });
  return retired;
}

function writeMasterKeyFile(path: string, file: MasterKeyFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

export class LocalFileKeyProvider implements KeyProvider {
  private file: MasterKeyFile;

  constructor(private readonly path: string) {
    if (!existsSync(path)) throw new MasterKeyFileError(`no master key file at ${path} (run: npm run keys -- init)`);
    this.file = parseMasterKeyFile(readFileSync(path, 'utf8'), path);
  }

  /** Re-reads the file (after a rotation by another process). */
  reload(): void {
    this.file = parseMasterKeyFile(readFileSync(this.path, 'utf8'), this.path);
  }

  currentMasterKeyId(): string {
    return this.file.current;
  }

  async wrap(dataKey: Buffer, aad: string): Promise<WrappedKey> {
    const masterKeyId = this.file.current;
    const sealed = sealText(this.masterKey(masterKeyId), `${masterKeyId}|${aad}`, dataKey.toString('base64'));
    return { masterKeyId, wrapped: Buffer.from(sealed, 'utf8') };
  }

  async unwrap(key: WrappedKey, aad: string): Promise<Buffer> {
    if (!(key.masterKeyId in this.file.keys)) this.reload();
    const text = openText(this.masterKey(key.masterKeyId), `${key.masterKeyId}|${aad}`, key.wrapped.toString('utf8'));
    return Buffer.from(text, 'base64');
  }

  private masterKey(id: string): Buffer {
    const key = this.file.keys[id];
    if (!key) throw new MasterKeyFileError(`master key ${id} is not in ${this.path}`);
    return Buffer.from(key, 'base64');
  }
}
