import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from '@baoho/config';
import { AuthGuard } from './auth.guard';
import { JwksKeySource, StaticKeySource } from './key-sources';
import { TokenVerifier } from './token-verifier';

export function tokenVerifierFor(config: AuthConfig): TokenVerifier {
  const keys = config.keys.kind === 'jwks' ? new JwksKeySource(config.keys.url) : new StaticKeySource(config.keys.pem);
  return new TokenVerifier(keys, { issuer: config.issuer, audience: config.audience, clockSkewSeconds: config.clockSkewSeconds });
}

/** Bearer authentication and declared access for every route of the app that imports it (a global guard). */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: tokenVerifierFor(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
