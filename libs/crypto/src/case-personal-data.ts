// Sealing and opening the personal parts of a case with the case's data key (AAD = `case:<id>`). The edge seals
// every personal field of a command (the domain's PERSONAL_COMMAND_FIELDS) before it reaches the workflow, so
// Temporal's history, the workflow's state and the event log hold ciphertext only; readers open them here.
import { ERASED, PERSONAL_COMMAND_FIELDS, type CaseCommand } from '@baoho/domain';
import { caseKeyOwner, DataKeyErasedError, type Db, type Keyring } from './keyring';
import { isSealedText, openText } from './sealed-envelope';

export interface Opened<T> {
  readonly value: T;
  /** Some value could not be opened because the case's key was destroyed. */
  readonly erased: boolean;
}

/** A key lookup started ahead of `open` (see `lookUpKey`). */
export interface KeyLookup {
  readonly key: Promise<Buffer>;
}

export class CasePersonalData {
  constructor(private readonly keyring: Keyring) {}

  /**
   * The command with each of its personal fields sealed (every text inside them, the shape kept). Only an opening
   * creates the case's key: for any other command a missing key means no such case (DataKeyMissingError).
   */
  async sealCommand<C extends CaseCommand>(caseId: string, command: C): Promise<C> {
    const create = command.type === 'OpenCase';
    const fields = (PERSONAL_COMMAND_FIELDS as Partial<Record<string, readonly string[]>>)[command.type] ?? [];
    const present = fields.filter((field) => (command as unknown as Record<string, unknown>)[field] !== undefined);
    if (present.length === 0) return command;
    const sealed: Record<string, unknown> = { ...command };
    for (const field of present) sealed[field] = await this.seal(caseId, sealed[field], undefined, create);
    return sealed as C;
  }

  /** Every text inside `value` sealed; nulls, numbers and booleans kept as they are (they carry no name). */
  async seal<T>(caseId: string, value: T, db?: Db, create = true): Promise<T> {
    if (typeof value === 'string') return (await this.keyring.seal(caseKeyOwner(caseId), value, db, create)) as T;
    if (Array.isArray(value)) return (await Promise.all(value.map((item: unknown) => this.seal(caseId, item, db, create)))) as T;
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = await this.seal(caseId, item, db, create);
      return out as T;
    }
    return value;
  }

  /**
   * Every sealed text inside `value` opened; where the key was destroyed the text reads ERASED. Text that was never
   * sealed (events written before sealing existed) passes as it is.
   */
  async open<T>(caseId: string, value: T, db?: Db, lookedUp?: KeyLookup): Promise<Opened<T>> {
    let erased = false;
    const owner = caseKeyOwner(caseId);
    // The case's key is looked up once per call, however many values it opens (or was looked up ahead).
    let key: Promise<Buffer> | undefined = lookedUp?.key;
    const walk = async (item: unknown): Promise<unknown> => {
      if (isSealedText(item)) {
        try {
          key ??= this.keyring.dataKey(owner, { create: false, db });
          return JSON.parse(openText(await key, owner, item)) as unknown;
        } catch (error) {
          if (!(error instanceof DataKeyErasedError)) throw error;
          erased = true;
          return ERASED;
        }
      }
      if (Array.isArray(item)) return Promise.all(item.map(walk));
      if (item !== null && typeof item === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(item)) out[key] = await walk(inner);
        return out;
      }
      return item;
    };
    const opened = (await walk(value)) as T;
    return { value: opened, erased };
  }

  /**
   * Starts looking up the case's key now, for a reader that fetches the case's log meanwhile: a read whose key is
   * not in memory then waits for one round trip, not two. Pass it to `open`; a failure (no key, erased) surfaces
   * there, and only if a sealed value needs the key.
   */
  lookUpKey(caseId: string, db?: Db): KeyLookup {
    const key = this.keyring.dataKey(caseKeyOwner(caseId), { create: false, db });
    key.catch(() => undefined); // not awaited when nothing sealed is opened: not an unhandled rejection
    return { key };
  }

  /** After this process destroyed the case's key: forget it at once (other processes forget within the TTL). */
  forgetCase(caseId: string): void {
    this.keyring.forget(caseKeyOwner(caseId));
  }
}
