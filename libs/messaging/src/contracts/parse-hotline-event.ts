// The one door for hotline events: bytes (or an already-decoded value) in, a valid event or a refusal out.
// It never throws, whatever it is given (a property test holds it to that), so a consumer can always decide
// between "process" and "dead-letter" and never blocks a partition on a parse error.
import { CONTRACT_VERSION_1, isVersion1Header } from './contract-version';
import { hotlineCallV1Schema, type HotlineCallV1 } from './hotline-call.v1';
import { DEFAULT_CLOCK_SKEW_MS, findImpossibleValues } from './impossible-values';
import { describeIssues, fromZodIssues, refusal, type Refusal } from './refusal';
import { findUnstorableText } from './unstorable-text';

/** Largest accepted event, in UTF-8 bytes: the narrative's 20 000 characters, at up to 4 bytes each, and room. */
export const MAX_HOTLINE_EVENT_BYTES = 128 * 1024;

export type ParseResult<T> = { readonly ok: true; readonly event: T } | { readonly ok: false; readonly reason: Refusal };

export interface ParseHotlineEventOptions {
  /** The `contract-version` header of the Kafka message, when there is one. */
  readonly contractVersion?: string | undefined;
  readonly clockSkewMs?: number;
  readonly maxBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseHotlineEvent(
  raw: unknown,
  now: number,
  options: ParseHotlineEventOptions = {},
): ParseResult<HotlineCallV1> {
  try {
    return parse(raw, now, options);
  } catch {
    // only reachable through a hostile input (a getter that throws, a revoked proxy…): still a refusal
    return { ok: false, reason: refusal('SCHEMA_VIOLATION', 'the value could not be inspected') };
  }
}

function parse(raw: unknown, now: number, options: ParseHotlineEventOptions): ParseResult<HotlineCallV1> {
  const maxBytes = options.maxBytes ?? MAX_HOTLINE_EVENT_BYTES;
  if (options.contractVersion !== undefined && !isVersion1Header(options.contractVersion)) {
    return refused('UNKNOWN_VERSION', 'the contract-version header does not name version 1');
  }

  const decoded = decode(raw, maxBytes);
  if (!decoded.ok) return decoded;
  const value = decoded.event;

  if (isRecord(value) && 'schemaVersion' in value && value.schemaVersion !== CONTRACT_VERSION_1) {
    return refused('UNKNOWN_VERSION', 'schemaVersion does not name version 1', [
      { path: 'schemaVersion', code: 'unknown_version' },
    ]);
  }

  const result = hotlineCallV1Schema.safeParse(value);
  if (!result.success) {
    const issues = fromZodIssues(result.error.issues);
    return refused('SCHEMA_VIOLATION', `not a hotline.calls.v1 event: ${describeIssues(issues)}`, issues);
  }

  const unstorable = findUnstorableText(result.data);
  if (unstorable.length > 0) {
    return refused('SCHEMA_VIOLATION', `text that cannot be stored: ${describeIssues(unstorable)}`, unstorable);
  }

  const impossible = findImpossibleValues(result.data, now, options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
  if (impossible.length > 0) {
    return refused('IMPOSSIBLE_VALUE', `values that cannot be true: ${describeIssues(impossible)}`, impossible);
  }
  // a category said twice is the same fact: normalise rather than refuse
  const event = { ...result.data, categories: [...new Set(result.data.categories)] };
  return { ok: true, event };
}

/** Bytes or text → a JSON value; an object that is already decoded passes (after a size check). */
function decode(raw: unknown, maxBytes: number): ParseResult<unknown> {
  if (raw === null || raw === undefined) return refused('EMPTY', 'the message has no value');
  if (Buffer.isBuffer(raw) || raw instanceof Uint8Array) {
    if (raw.byteLength === 0) return refused('EMPTY', 'the message value is empty');
    if (raw.byteLength > maxBytes) return tooLarge(maxBytes);
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return refused('NOT_JSON', 'the message value is not valid UTF-8');
    }
    return decodeText(text, maxBytes);
  }
  if (typeof raw === 'string') return decodeText(raw, maxBytes);
  // an already-decoded value (e.g. from the HTTP webhook): measure it as it would travel
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(raw) ?? '', 'utf8');
  } catch {
    return refused('NOT_JSON', 'the value cannot be represented as JSON');
  }
  if (size > maxBytes) return tooLarge(maxBytes);
  return { ok: true, event: raw };
}

function decodeText(text: string, maxBytes: number): ParseResult<unknown> {
  if (text.trim() === '') return refused('EMPTY', 'the message value is blank');
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return tooLarge(maxBytes);
  try {
    return { ok: true, event: JSON.parse(text) as unknown };
  } catch {
    // JSON.parse's message quotes the offending text: never pass it on
    return refused('NOT_JSON', 'the message value is not JSON');
  }
}

const tooLarge = (maxBytes: number) => refused('TOO_LARGE', `the message value exceeds ${maxBytes} bytes`);

function refused(...args: Parameters<typeof refusal>): { ok: false; reason: Refusal } {
  return { ok: false, reason: refusal(...args) };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
