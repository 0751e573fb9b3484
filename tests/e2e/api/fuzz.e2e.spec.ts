import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, callerHeaders, walkIn, type Caller } from '../../support/api-client';
import { badTokens } from '../../support/tokens';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { uniqueTaskQueue } from '../../support/temporal';

// No malformed input may produce a 500. The api and worker apps as `npm start` runs them, on the dev server and a
// fresh database; every operation of the app's own /openapi.json (so a new endpoint is fuzzed the day it is
// documented) gets arbitrary requests: random and near-valid bodies, broken JSON, odd content types, garbage
// path parameters and query strings, missing, forged or malformed bearer tokens and Idempotency-Keys. Each answer must be
// below 500 (a 503 only as the intentional "retry later"), every error problem details with a code, and the app
// alive. Fixed seed; BAOHO_FUZZ_RUNS and BAOHO_FUZZ_SEED change the run.
jest.setTimeout(300_000);

const SEED = Number(process.env.BAOHO_FUZZ_SEED ?? 6_2026);
const RUNS = Number(process.env.BAOHO_FUZZ_RUNS ?? 40);
const REQUEST_TIMEOUT_MS = 25_000;

type Json = Record<string, unknown>;
interface Operation {
  readonly method: 'get' | 'post' | 'put';
  readonly path: string;
  readonly op: Json;
}
interface FuzzRequest {
  readonly path: string;
  readonly query: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}
interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

const caseworker: Caller = { userId: 'cw-fuzz', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-fuzz', role: 'supervisor' };

describe('fuzzing every endpoint of the OpenAPI document', () => {
  let db: TestDatabase;
  let apps: RunningApp[] = [];
  let api: RunningApp;
  let doc: Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };
  let caseId: string;
  const seen = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-fuzz'), LOG_LEVEL: 'warn' };
    apps = await startReadyApps(['worker', 'api'], env);
    api = apps[1]!;
    const client = apiClient(api.url);
    const opened = await client.post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    doc = (await client.get('/openapi.json')).body as typeof doc;
  });

  afterAll(async () => {
    console.log(`statuses per operation: ${JSON.stringify(Object.fromEntries([...seen].map(([k, v]) => [k, Object.fromEntries(v)])))}`);
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await db?.drop();
  });

  const send = async (method: string, request: FuzzRequest): Promise<Answer> => {
    const response = await fetch(`${api.url}${request.path}${request.query}`, {
      method: method.toUpperCase(),
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  /** What every answer must be, whatever was asked. */
  const expectWellFormed = (label: string, request: FuzzRequest, answer: Answer): void => {
    const shown = { label, request: { ...request, path: request.path.slice(0, 200), query: request.query.slice(0, 300), body: request.body?.slice(0, 300) }, status: answer.status, text: answer.text.slice(0, 300) };
    if (answer.status >= 500 && answer.status !== 503) throw new Error(`5xx: ${JSON.stringify(shown)}`);
    if (answer.status >= 400) {
      if (!answer.contentType.startsWith('application/problem+json')) throw new Error(`not problem details: ${JSON.stringify(shown)}`);
      const body = JSON.parse(answer.text) as Json;
      if (typeof body['code'] !== 'string' || body['status'] !== answer.status) throw new Error(`problem without code or status: ${JSON.stringify(shown)}`);
      if (answer.status === 503 && body['code'] !== 'TEMPORAL_UNAVAILABLE' && body['code'] !== 'DEPENDENCY_UNAVAILABLE') throw new Error(`unintended 503: ${JSON.stringify(shown)}`);
    }
  };

  it('answers every request to every documented operation below 500, as problem details, and stays alive', async () => {
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ method: method as Operation['method'], path, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const unintended503: string[] = [];
    for (const [index, operation] of operations.entries()) {
      const label = `${operation.method.toUpperCase()} ${operation.path}`;
      const statuses = new Map<number, number>();
      seen.set(label, statuses);
      await fc.assert(
        fc.asyncProperty(requestOf(doc, operation, caseId), async (request) => {
          const answer = await send(operation.method, request);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status === 503) unintended503.push(`${label}: ${answer.text.slice(0, 200)}`);
          expectWellFormed(label, request, answer);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
      expect(api.alive()).toBe(true);
      expect((await send('get', { path: '/health/live', query: '', headers: {} })).status).toBe(200);
    }
    // While every service is up, nothing is unavailable.
    expect(unintended503).toEqual([]);
    expect(api.output()).not.toContain('unhandled error in a request');
  });

  describe('what the fuzzer found, kept as plain cases', () => {
    const call = (method: string, path: string, headers: Record<string, string>, body?: string, query = '') => send(method, { path, query, headers, body });
    const who = (caller: Caller, extra: Record<string, string> = {}) => ({ ...callerHeaders(caller), ...extra });
    const json = { 'content-type': 'application/json' };

    it('a cursor that decodes but does not hold a time is a 400, not a database error', async () => {
      const cursor = Buffer.from(JSON.stringify(['not a time', 'x'])).toString('base64url');
      for (const path of ['/v1/cases', '/v1/my-cases']) {
        const answer = await call('get', path, who(supervisor), undefined, `?cursor=${cursor}`);
        expectWellFormed(path, { path, query: cursor, headers: {} }, answer);
        expect(answer.status).toBe(400);
      }
    });

    it('an object with a `length` where text is expected is a 400 (zod’s trim threw on it)', async () => {
      const body = JSON.stringify({ category: 'home_authorities', ground: 'minor_protection', reason: { length: { i0: true } } });
      const answer = await call('post', `/v1/cases/${caseId}/consent-exceptions`, who(caseworker, { ...json, 'idempotency-key': randomUUID() }), body);
      expect({ status: answer.status, code: (JSON.parse(answer.text) as Json)['code'] }).toEqual({ status: 400, code: 'INVALID_INPUT' });
    });

    it('text with a NUL or a lone surrogate is refused at the edge (PostgreSQL cannot store it)', async () => {
      for (const text of ['a\u0000b', 'a\ud800b']) {
        const answer = await call('post', `/v1/cases/${caseId}/notes`, who(caseworker, { ...json, 'idempotency-key': randomUUID() }), JSON.stringify({ text }));
        expect({ text, status: answer.status, code: (JSON.parse(answer.text) as Json)['code'] }).toEqual({ text, status: 400, code: 'INVALID_INPUT' });
      }
      const opened = await call('post', '/v1/cases', who(caseworker, { ...json, 'idempotency-key': randomUUID() }), JSON.stringify(walkIn({ narrative: 'x\u0000' })));
      expect(opened.status).toBe(400);
      // The case still takes commands.
      const note = await call('post', `/v1/cases/${caseId}/notes`, who(caseworker, { ...json, 'idempotency-key': randomUUID() }), JSON.stringify({ text: 'still here' }));
      expect(note.status).toBe(200);
    });
  });
});

// ---- Arbitraries -------------------------------------------------------------------------------------------------

const hex = (byte: number): string => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** encodeURIComponent, except that an unpaired surrogate goes out as its (invalid) WTF-8 bytes instead of throwing. */
const encode = (text: string): string =>
  [...text].map((c) => (/[\uD800-\uDFFF]/.test(c) && c.length === 1 ? [0xe0 | (c.charCodeAt(0) >> 12), 0x80 | ((c.charCodeAt(0) >> 6) & 0x3f), 0x80 | (c.charCodeAt(0) & 0x3f)].map(hex).join('') : encodeURIComponent(c))).join('');

/** Strings meant to break things: control characters, lone surrogates, bidi overrides, long and empty. */
const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u202e', '\ufeff', '💥', 'null', 'true', '0', '-1', '1e309', 'NaN', '__proto__', 'constructor', '../..', '%00', "' OR 1=1 --", '${x}', '<script>'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  // Long, but within Node's 16 KiB request head (past it Node itself answers 431, before the app).
  fc.integer({ min: 200, max: 3_000 }).map((n) => 'x'.repeat(n)),
);

/** A path segment: the real case, a plausible id, percent-encoded garbage (including invalid UTF-8), very long. */
const segment = (realCaseId: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(realCaseId) },
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,40}$/),
    fc.string({ unit: 'binary', maxLength: 60 }).map(encode),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 30 }).map((bytes) => bytes.map(hex).join('')),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%00', '%2F', 'a%2Fb', '%25', '..%2F..', ';', '*', '~', '%20'),
    fc.integer({ min: 129, max: 4_000 }).map((n) => 'a'.repeat(n)),
  );

const cursorLike: fc.Arbitrary<string> = fc
  .oneof(fc.array(fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), { maxLength: 3 }), fc.jsonValue())
  .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'));

/** A query string from the operation's own parameters and others, well or badly encoded. */
function queryOf(doc: Json, op: Json): fc.Arbitrary<string> {
  const parameters = ((op['parameters'] as Json[] | undefined) ?? []).map((p) => resolve(doc, p)).filter((p) => p['in'] === 'query');
  const name = fc.oneof(
    ...(parameters.length ? [{ weight: 4, arbitrary: fc.constantFrom(...parameters.map((p) => String(p['name']))) }] : []),
    fc.constantFrom('unknown', '__proto__', 'constructor', 'a[b]', 'limit[]', ''),
    fc.string({ maxLength: 10 }),
  );
  const value = (paramName: fc.Arbitrary<string>) =>
    paramName.chain((n) => {
      const parameter = parameters.find((p) => p['name'] === n);
      return fc.tuple(fc.constant(n), fc.oneof(...(parameter ? [valueOf(doc, parameter['schema'] as Json, 2).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))] : []), oddString, cursorLike, fc.constantFrom('0', '201', '1.5', '-3', ' 5', '0x10', '1e3', 'Infinity')));
    });
  const pair = value(name).map(([k, v]) => `${encode(k)}=${encode(v)}`);
  const raw = fc.constantFrom('%', '%zz=1', 'limit=%E0%A4', '&&', '=', 'limit', 'limit=1&limit=2', 'a[b][c]=d', '?', '#x');
  return fc.oneof(fc.constant(''), fc.array(fc.oneof({ weight: 4, arbitrary: pair }, raw), { minLength: 1, maxLength: 6 }).map((parts) => `?${parts.join('&')}`));
}

// What a header value may hold on the wire (undici refuses DEL and controls): visible ASCII and Latin-1 bytes.
const headerText = fc.string({ unit: fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 300 });

function headersOf(op: Json, method: string): fc.Arbitrary<Record<string, string>> {
  const identity = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(caseworker, supervisor, { userId: 'hq-fuzz', role: 'hq_officer' }).map((c) => callerHeaders(c)) },
    // The staff directory is the admin's: past the gate as the admin too (not erasure: it would end the real case).
    ...(((op['tags'] as string[] | undefined) ?? []).includes('staff') ? [{ weight: 4, arbitrary: fc.constant(callerHeaders({ userId: 'admin-fuzz', role: 'admin', missions: [] })) }] : []),
    fc.constant({}),
    fc.constantFrom(...Object.values(badTokens({ role: 'supervisor', missions: ['KR-SEL'] }))).map((token) => ({ authorization: `Bearer ${token}` })),
    fc.record({ authorization: headerText }),
    fc.record({ authorization: headerText.map((text) => `Bearer ${text}`) }),
  );
  const key =
    method === 'post'
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constant(null).map(() => ({ 'idempotency-key': randomUUID() })) },
          fc.constant({}),
          fc.constant({ 'idempotency-key': 'fuzz-fixed-key-1' }),
          fc.record({ 'idempotency-key': fc.oneof(headerText, fc.constantFrom('short', 'k'.repeat(129), 'with space inside', '🔑'.length ? 'key/with/slash' : '')) }),
        )
      : fc.constant({});
  return fc.tuple(identity, key).map(([a, b]) => ({ ...a, ...b }));
}

/** A body and its content type: near-valid from the schema, random JSON, broken text, huge, deep, odd types. */
function bodyOf(doc: Json, op: Json): fc.Arbitrary<{ body?: string; contentType?: string }> {
  const media = ((op['requestBody'] as Json | undefined)?.['content'] as Record<string, Json> | undefined)?.['application/json'];
  const valid = media ? valueOf(doc, media['schema'] as Json, 0) : fc.jsonValue();
  const nearValid = fc.tuple(valid, fc.nat(), fc.jsonValue(), fc.constantFrom('extra', '__proto__', 'constructor', 'type', 'actor', 'commandId')).map(([value, n, replacement, extra]) => mutate(value, n, replacement, extra));
  const json = fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: nearValid },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    fc.anything({ maxDepth: 3 }).map((v) => { try { return JSON.parse(JSON.stringify(v) ?? 'null') as unknown; } catch { return null; } }),
  );
  const text = fc.oneof(
    { weight: 6, arbitrary: json.map((v) => JSON.stringify(v)) },
    json.chain((v) => { const s = JSON.stringify(v); return fc.nat(s.length).map((n) => s.slice(0, n)); }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('', '{', '{"a":', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '{"a":NaN}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '\ufeff{}', '"\\ud800"', '{"text":"\\u0000"}'),
    fc.integer({ min: 1_000, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc.integer({ min: 1_000, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    fc.integer({ min: 90_000, max: 300_000 }).map((n) => JSON.stringify({ text: 'y'.repeat(n) })),
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    fc.constantFrom(undefined, 'text/plain', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json; charset=nope', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/merge-patch+json', 'application/json;;;', '*/*'),
  );
  return fc.oneof(fc.constant({}), { weight: 8, arbitrary: fc.record({ body: text, contentType }) });
}

function requestOf(doc: Json, operation: Operation, realCaseId: string): fc.Arbitrary<FuzzRequest> {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const path = fc.tuple(...names.map(() => segment(realCaseId))).map((values) => names.reduce((p, name, i) => p.replace(`{${name}}`, values[i]!), operation.path));
  const body = operation.method === 'get' ? fc.constant({} as { body?: string; contentType?: string }) : bodyOf(doc, operation.op);
  return fc.record({ path: names.length ? path : fc.constant(operation.path), query: queryOf(doc, operation.op), headers: headersOf(operation.op, operation.method), body }).map(({ path: p, query, headers, body: b }) => ({
    path: p,
    query,
    headers: { ...headers, ...(b.contentType ? { 'content-type': b.contentType } : {}) },
    ...(b.body !== undefined ? { body: b.body } : {}),
  }));
}

function resolve(doc: Json, value: Json): Json {
  const ref = value['$ref'];
  if (typeof ref !== 'string') return value;
  const [, , section, name] = ref.split('/');
  return resolve(doc, ((doc['components'] as Json)[section!] as Json)[name!] as Json);
}

/** Values the schema accepts (mostly): what gets a request past validation into the workflow and the database. */
function valueOf(doc: Json, raw: Json, depth: number): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (depth > 6) return fc.constant(null);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if ('const' in schema) return fc.constant(schema['const']);
  const union = (schema['anyOf'] ?? schema['oneOf']) as Json[] | undefined;
  if (union) return fc.oneof(...union.map((s) => valueOf(doc, s, depth + 1)));
  const type = schema['type'];
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => valueOf(doc, { ...schema, type: t }, depth + 1)));
  switch (type) {
    case 'object': {
      const properties = (schema['properties'] as Record<string, Json> | undefined) ?? {};
      const required = (schema['required'] as string[] | undefined) ?? [];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) model[name] = valueOf(doc, property, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((name) => name in properties) });
    }
    case 'array': {
      const min = Number(schema['minItems'] ?? 0);
      return fc.array(valueOf(doc, (schema['items'] as Json | undefined) ?? {}, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(Number(schema['maxItems'] ?? 4), 4)) });
    }
    case 'string': {
      if (schema['format'] === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema['format'] === 'date') return fc.date({ min: new Date('1950-01-01'), max: new Date('2025-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (typeof schema['pattern'] === 'string') return fc.stringMatching(new RegExp(schema['pattern'])).filter((s) => s.length <= Number(schema['maxLength'] ?? 1_000));
      const min = Number(schema['minLength'] ?? 0);
      const max = Math.min(Number(schema['maxLength'] ?? 60), 60);
      return fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }).filter((s) => s.trim().length >= min) }, oddString);
    }
    case 'integer':
      return fc.integer({ min: Number(schema['minimum'] ?? -1_000), max: Number(schema['maximum'] ?? 1_000) });
    case 'number':
      return fc.double({ noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** One change to a value: a key dropped, an unknown key added, or a leaf replaced by anything. */
function mutate(value: unknown, n: number, replacement: unknown, extra: string): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  switch (n % 3) {
    case 0:
      if (keys.length) delete copy[keys[n % keys.length]!];
      return copy;
    case 1:
      Object.defineProperty(copy, extra, { value: replacement, enumerable: true, writable: true, configurable: true });
      return copy;
    default: {
      if (!keys.length) return replacement;
      const key = keys[n % keys.length]!;
      copy[key] = mutate(copy[key], Math.floor(n / 3), replacement, extra);
      return copy;
    }
  }
}
