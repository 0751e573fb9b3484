// Deny by default, proved on the route table: every route of the api and the intake, found the way Nest finds
// them (the controllers of each app's root module and of the modules it imports), declares who may call it,
// and only the probes, metrics and the API's documentation are public. The guard itself refuses a route that
// declares nothing (tested below on a controller made for it).
import 'reflect-metadata';
import { Controller, Get, type DynamicModule, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiConfigSchema, intakeConfigSchema, loadConfig } from '@baoho/config';
import { ACCESS_METADATA, AuthGuard, HttpProblem, StaticKeySource, TokenVerifier, type AccessRule } from '@baoho/http';
import { createLogger } from '@baoho/observability';
import { ApiModule } from '../src/api.module';
import { IntakeModule } from '../../intake/src/intake.module';
import { signRs256 } from '../../../scripts/dev-token';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'baoho-access-')), 'public.pem');
writeFileSync(keyFile, publicPem);
const env = {
  DATABASE_URL: 'postgres://baoho@127.0.0.1:1/baoho',
  KAFKA_BROKERS: '127.0.0.1:1',
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  AUTH_ISSUER: 'iss',
  AUTH_AUDIENCE: 'aud',
  AUTH_PUBLIC_KEY_FILE: keyFile,
};
const logger = createLogger({ app: 'test', level: 'silent' });

const PUBLIC_ROUTES = ['GET /health', 'GET /health/live', 'GET /metrics', 'GET /openapi.json', 'GET /docs'];

/** Every controller Nest would register for a root dynamic module: its own and its imports', recursively. */
function controllersOf(module: DynamicModule): Type[] {
  const imported = (module.imports ?? []).flatMap((m) => (typeof m === 'object' && m !== null && 'module' in m ? controllersOf(m as DynamicModule) : []));
  return [...((module.controllers ?? []) as Type[]), ...imported];
}

interface Route {
  readonly route: string;
  readonly rule: AccessRule | undefined;
}

function routesOf(controllers: readonly Type[]): Route[] {
  const reflector = new Reflector();
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto).flatMap((name) => {
      const handler = proto[name];
      if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) return [];
      const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'][Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const route = `${method} /${[base, sub].filter((part) => part && part !== '/').join('/')}`;
      return [{ route, rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler as () => void, controller]) }];
    });
  });
}

describe('declared access (deny by default)', () => {
  const apps: Array<[string, DynamicModule]> = [
    ['api', ApiModule.forRoot(loadConfig(apiConfigSchema, env), logger)],
    ['intake', IntakeModule.forRoot(loadConfig(intakeConfigSchema, env), logger)],
  ];

  it.each(apps)('every route of the %s declares who may call it; only probes, metrics and docs are public', (_name, module) => {
    const routes = routesOf(controllersOf(module));
    expect(routes.length).toBeGreaterThan(4);
    for (const { route, rule } of routes) {
      expect({ route, declared: rule !== undefined }).toEqual({ route, declared: true });
      expect({ route, public: rule?.kind === 'public' }).toEqual({ route, public: PUBLIC_ROUTES.includes(route) });
      if (rule?.kind === 'roles') expect({ route, roles: rule.roles.length > 0 }).toEqual({ route, roles: true });
    }
  });

  it('the guard refuses an authenticated call to a route that declares nothing', async () => {
    @Controller('undeclared')
    class UndeclaredController {
      @Get()
      get(): string {
        return 'should never be reached';
      }
    }
    const guard = new AuthGuard(new TokenVerifier(new StaticKeySource(publicPem), { issuer: 'iss', audience: 'aud', clockSkewSeconds: 30 }), new Reflector());
    const now = Math.floor(Date.now() / 1000);
    const token = signRs256({ alg: 'RS256', typ: 'JWT' }, { iss: 'iss', aud: 'aud', sub: 'admin-1', role: 'admin', missions: [], iat: now, exp: now + 60 }, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const request = { headers: { authorization: `Bearer ${token}` } };
    const context = {
      getType: () => 'http',
      getHandler: () => UndeclaredController.prototype.get,
      getClass: () => UndeclaredController,
      switchToHttp: () => ({ getRequest: () => request }),
    };
    await expect(guard.canActivate(context as never)).rejects.toEqual(expect.objectContaining({ status: 403, code: 'ACCESS_NOT_DECLARED' }));
    const anonymous = { ...context, switchToHttp: () => ({ getRequest: () => ({ headers: {} }) }) };
    await expect(guard.canActivate(anonymous as never)).rejects.toBeInstanceOf(HttpProblem);
  });
});
