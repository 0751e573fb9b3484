import path from 'node:path';
import {
  ConfigError,
  DEFAULT_MASTER_KEYS_FILE,
  DEV_SEARCH_INDEX_KEY,
  apiConfigSchema,
  consoleConfigSchema,
  intakeConfigSchema,
  loadConfig,
  relayConfigSchema,
  workerConfigSchema,
} from '../src/index';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const keyDir = mkdtempSync(path.join(tmpdir(), 'baoho-config-'));
const PUBLIC_KEY_FILE = path.join(keyDir, 'public.pem');
writeFileSync(PUBLIC_KEY_FILE, PUBLIC_PEM);
const PRIVATE_KEY_FILE = path.join(keyDir, 'private.pem');
writeFileSync(PRIVATE_KEY_FILE, PRIVATE_PEM);

const valid = {
  DATABASE_URL: 'postgres://baoho:s3cret-pw@db.internal:5432/baoho',
  KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
  TEMPORAL_ADDRESS: 'temporal:7233',
  AUTH_ISSUER: 'https://id.example/realms/baoho',
  AUTH_AUDIENCE: 'baoho-api',
  AUTH_PUBLIC_KEY_FILE: PUBLIC_KEY_FILE,
};

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  describe('with every required variable', () => {
    it('returns the typed api configuration with its defaults', () => {
      expect(loadConfig(apiConfigSchema, valid)).toEqual({
        database: { url: valid.DATABASE_URL },
        temporal: { address: 'temporal:7233', namespace: 'default', taskQueue: 'protection-cases' },
        http: { host: '127.0.0.1', port: 3000 },
        log: { level: 'info' },
        search: { indexKey: DEV_SEARCH_INDEX_KEY },
        keys: { masterKeysFile: path.resolve(DEFAULT_MASTER_KEYS_FILE), cacheTtlMs: 30_000, cacheSize: 10_000 },
        auth: { issuer: valid.AUTH_ISSUER, audience: 'baoho-api', clockSkewSeconds: 30, keys: { kind: 'pem', pem: PUBLIC_PEM } },
        lists: { enabled: true, maxBytes: 64 * 1024 * 1024 },
      });
    });

    it('turns the list cache off only for API_LIST_CACHE=off, and refuses any other value, naming the variable', () => {
      expect(loadConfig(apiConfigSchema, { ...valid, API_LIST_CACHE: 'off' }).lists.enabled).toBe(false);
      expect(() => loadConfig(apiConfigSchema, { ...valid, API_LIST_CACHE: 'no' })).toThrow(/API_LIST_CACHE/);
    });

    it('refuses a key cache TTL beyond five minutes, naming the variable', () => {
      expect(() => loadConfig(apiConfigSchema, { ...valid, DATA_KEY_CACHE_TTL_MS: '600000' })).toThrow(/DATA_KEY_CACHE_TTL_MS/);
    });

    it('keeps the console development sign-in off unless CONSOLE_DEV_SIGN_IN is exactly true, and then needs its key', () => {
      expect(loadConfig(consoleConfigSchema, {})).toEqual({
        console: { apiUrl: 'http://127.0.0.1:3000', devSignIn: null },
        http: { host: '127.0.0.1', port: 3004 },
        log: { level: 'info' },
      });
      expect(configErrorOf(() => loadConfig(consoleConfigSchema, { CONSOLE_DEV_SIGN_IN: 'true' })).variables).toEqual(['CONSOLE_DEV_SIGNING_KEY_FILE']);
      expect(configErrorOf(() => loadConfig(consoleConfigSchema, { CONSOLE_DEV_SIGN_IN: 'true', CONSOLE_DEV_SIGNING_KEY_FILE: path.join(keyDir, 'missing.pem') })).variables).toEqual(['CONSOLE_DEV_SIGNING_KEY_FILE']);
      const on = loadConfig(consoleConfigSchema, { CONSOLE_DEV_SIGN_IN: 'true', CONSOLE_DEV_SIGNING_KEY_FILE: PRIVATE_KEY_FILE, CONSOLE_API_URL: 'http://api:3000/' }).console;
      expect(on).toEqual({ apiUrl: 'http://api:3000', devSignIn: { privateKeyPem: PRIVATE_PEM, issuer: 'baoho-dev', audience: 'baoho' } });
      expect(configErrorOf(() => loadConfig(consoleConfigSchema, { CONSOLE_DEV_SIGN_IN: 'yes' })).variables).toEqual(['CONSOLE_DEV_SIGN_IN']);
      expect(configErrorOf(() => loadConfig(consoleConfigSchema, { CONSOLE_API_URL: 'ftp://api' })).variables).toEqual(['CONSOLE_API_URL']);
    });

    it('takes the token key from exactly one of a PEM file, an inline PEM or a JWKS URL', () => {
      const { AUTH_PUBLIC_KEY_FILE: _file, ...withoutKey } = valid;
      expect(loadConfig(apiConfigSchema, { ...withoutKey, AUTH_PUBLIC_KEY: PUBLIC_PEM.replace(/\n/g, '\\n') }).auth.keys).toEqual({ kind: 'pem', pem: PUBLIC_PEM });
      expect(loadConfig(intakeConfigSchema, { ...withoutKey, AUTH_JWKS_URL: 'https://id.example/jwks.json' }).auth.keys).toEqual({ kind: 'jwks', url: 'https://id.example/jwks.json' });
      expect(configErrorOf(() => loadConfig(apiConfigSchema, withoutKey)).variables).toEqual(['AUTH_PUBLIC_KEY_FILE']);
      expect(configErrorOf(() => loadConfig(apiConfigSchema, { ...valid, AUTH_JWKS_URL: 'https://id.example/jwks.json' })).variables.sort()).toEqual(['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY_FILE']);
    });

    it('refuses a key that is not an RSA public key, an unreadable key file, a bad JWKS URL or skew', () => {
      const cases: Array<[Record<string, string | undefined>, string]> = [
        [{ AUTH_PUBLIC_KEY_FILE: path.join(keyDir, 'missing.pem') }, 'AUTH_PUBLIC_KEY_FILE'],
        [{ AUTH_PUBLIC_KEY_FILE: undefined, AUTH_PUBLIC_KEY: PRIVATE_PEM }, 'AUTH_PUBLIC_KEY'],
        [{ AUTH_PUBLIC_KEY_FILE: undefined, AUTH_PUBLIC_KEY: 'not a key' }, 'AUTH_PUBLIC_KEY'],
        [{ AUTH_PUBLIC_KEY_FILE: undefined, AUTH_JWKS_URL: 'ftp://id.example/keys' }, 'AUTH_JWKS_URL'],
        [{ AUTH_CLOCK_SKEW_SECONDS: '3600' }, 'AUTH_CLOCK_SKEW_SECONDS'],
        [{ AUTH_ISSUER: ' ' }, 'AUTH_ISSUER'],
      ];
      for (const [override, variable] of cases) {
        const error = configErrorOf(() => loadConfig(apiConfigSchema, { ...valid, ...override }));
        expect({ override: Object.keys(override), variables: error.variables }).toEqual({ override: Object.keys(override), variables: [variable] });
        expect(error.message).not.toContain('PRIVATE KEY');
      }
    });

    it('refuses a search index key shorter than 16 characters, naming the variable', () => {
      expect(() => loadConfig(apiConfigSchema, { ...valid, SEARCH_INDEX_KEY: 'short' })).toThrow(/SEARCH_INDEX_KEY/);
    });

    it('bounds the worker’s workflow cache: 1,000 unless WORKER_MAX_CACHED_WORKFLOWS says otherwise, never below 10', () => {
      expect(loadConfig(workerConfigSchema, valid).cache.maxCachedWorkflows).toBe(1_000);
      expect(loadConfig(workerConfigSchema, { ...valid, WORKER_MAX_CACHED_WORKFLOWS: '250' }).cache.maxCachedWorkflows).toBe(250);
      expect(() => loadConfig(workerConfigSchema, { ...valid, WORKER_MAX_CACHED_WORKFLOWS: '5' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    });

    it('runs 100 workflow tasks and 40 polls at once, half of them on the shared side, unless told otherwise', () => {
      expect(loadConfig(workerConfigSchema, valid).tasks).toEqual({ maxConcurrentWorkflowTasks: 100, maxWorkflowTaskPolls: 40, nonStickyPollRatio: 0.5 });
      const tuned = { ...valid, WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20', WORKER_MAX_WORKFLOW_TASK_POLLS: '10', WORKER_NON_STICKY_POLL_RATIO: '0.2' };
      expect(loadConfig(workerConfigSchema, tuned).tasks).toEqual({ maxConcurrentWorkflowTasks: 20, maxWorkflowTaskPolls: 10, nonStickyPollRatio: 0.2 });
      // the SDK refuses more polls than task slots: said at start, naming the variable
      const tooManyPolls = configErrorOf(() => loadConfig(workerConfigSchema, { ...valid, WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20' }));
      expect(tooManyPolls.message).toMatch(/WORKER_MAX_WORKFLOW_TASK_POLLS/);
      expect(() => loadConfig(workerConfigSchema, { ...valid, WORKER_NON_STICKY_POLL_RATIO: '0' })).toThrow(/WORKER_NON_STICKY_POLL_RATIO/);
    });

    it('gives each app its own default port', () => {
      expect(loadConfig(workerConfigSchema, valid).http.port).toBe(3001);
      expect(loadConfig(intakeConfigSchema, valid).http.port).toBe(3002);
      expect(loadConfig(relayConfigSchema, valid).http.port).toBe(3003);
    });

    it('splits the broker list and names the Kafka client after the app', () => {
      expect(loadConfig(intakeConfigSchema, valid).kafka).toEqual({
        brokers: ['kafka-1:9092', 'kafka-2:9092'],
        clientId: 'baoho-intake',
      });
      expect(loadConfig(relayConfigSchema, valid).kafka.clientId).toBe('baoho-relay');
    });

    it('purges consumed hotline reports every 10 s unless told otherwise, within 1 s – 1 h', () => {
      expect(loadConfig(intakeConfigSchema, valid).hotline).toEqual({ purgeIntervalMs: 10_000 });
      expect(loadConfig(intakeConfigSchema, { ...valid, HOTLINE_PURGE_INTERVAL_MS: '2000' }).hotline.purgeIntervalMs).toBe(2_000);
      for (const bad of ['500', '3600001', 'often']) {
        expect(configErrorOf(() => loadConfig(intakeConfigSchema, { ...valid, HOTLINE_PURGE_INTERVAL_MS: bad })).variables).toEqual(['HOTLINE_PURGE_INTERVAL_MS']);
      }
    });

    it('takes explicit values over defaults', () => {
      const config = loadConfig(intakeConfigSchema, {
        ...valid,
        KAFKA_CLIENT_ID: 'intake-7',
        TEMPORAL_NAMESPACE: 'protection',
        TEMPORAL_TASK_QUEUE: 'cases-eu',
        HTTP_HOST: '0.0.0.0',
        HTTP_PORT: '8080',
        LOG_LEVEL: 'DEBUG',
      });
      expect(config.kafka.clientId).toBe('intake-7');
      expect(config.temporal).toEqual({ address: 'temporal:7233', namespace: 'protection', taskQueue: 'cases-eu' });
      expect(config.http).toEqual({ host: '0.0.0.0', port: 8080 });
      expect(config.log.level).toBe('debug');
    });

    it('treats a blank variable as unset', () => {
      expect(loadConfig(apiConfigSchema, { ...valid, HTTP_PORT: '', TEMPORAL_NAMESPACE: ' ' }).http.port).toBe(3000);
    });

    it('ignores variables an app does not use', () => {
      const relay = loadConfig(relayConfigSchema, valid);
      expect(Object.keys(relay).sort()).toEqual(['database', 'http', 'kafka', 'log']);
    });
  });

  describe('with bad or missing variables', () => {
    it('names each missing variable', () => {
      const error = configErrorOf(() => loadConfig(intakeConfigSchema, {}));
      expect(error.variables.sort()).toEqual(['AUTH_AUDIENCE', 'AUTH_ISSUER', 'DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS']);
      expect(error.message).toContain('DATABASE_URL is required');
    });

    it('names a malformed variable and says what is expected', () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ HTTP_PORT: 'eighty' }, 'HTTP_PORT'],
        [{ HTTP_PORT: '70000' }, 'HTTP_PORT'],
        [{ HTTP_PORT: '3000.5' }, 'HTTP_PORT'],
        [{ KAFKA_BROKERS: 'kafka-1' }, 'KAFKA_BROKERS'],
        [{ KAFKA_BROKERS: ' , ' }, 'KAFKA_BROKERS'],
        [{ TEMPORAL_ADDRESS: 'http://temporal' }, 'TEMPORAL_ADDRESS'],
        [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
        [{ DATABASE_URL: 'mysql://root:pw@db/x' }, 'DATABASE_URL'],
      ];
      for (const [override, variable] of cases) {
        const error = configErrorOf(() => loadConfig(intakeConfigSchema, { ...valid, ...override }));
        expect(error.variables).toEqual([variable]);
      }
    });

    it('never repeats a value in its message', () => {
      const secret = 'postgres//user:hunter2-secret@db';
      const error = configErrorOf(() =>
        loadConfig(apiConfigSchema, { ...valid, DATABASE_URL: secret, HTTP_PORT: 'hunter2-port' }),
      );
      expect(error.variables.sort()).toEqual(['DATABASE_URL', 'HTTP_PORT']);
      expect(error.message).not.toContain('hunter2');
      expect(JSON.stringify(error.issues)).not.toContain('hunter2');
    });
  });
});
