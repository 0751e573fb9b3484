// The one gate in front of every route: the bearer token is verified (401 otherwise), then the route's declared
// access decides (403 for a role it does not name, and for a route that declares nothing at all).
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { HttpProblem } from '../problem';
import { ACCESS_METADATA, type AccessRule } from './access';
import { AuthenticationError, unauthenticated } from './authentication-error';
import { KeysUnavailableError } from './key-sources';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

const PRINCIPAL = Symbol('baoho.principal');
type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

/** The verified caller of this request; a route that is public has none. */
export function principalOf(request: Request): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<WithPrincipal>();
    const principal = await this.authenticate(request);
    request[PRINCIPAL] = principal;
    if (!rule) throw new HttpProblem(403, 'ACCESS_NOT_DECLARED', 'Forbidden', 'this route declares no access, so nobody may call it');
    if (!rule.roles.includes(principal.role)) {
      throw new HttpProblem(403, 'FORBIDDEN_ROLE', 'Not allowed for this role', `this is for ${rule.roles.join(', ')}, not ${principal.role}`);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined || header === '') throw unauthenticated('send Authorization: Bearer <token>', false);
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match) throw unauthenticated('the Authorization header must be Bearer <token>', false);
    try {
      return await this.verifier.verify(match[1]!);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.reason, true);
      if (error instanceof KeysUnavailableError) {
        throw new HttpProblem(503, 'AUTH_KEYS_UNAVAILABLE', 'Cannot check tokens now', 'the issuer’s signing keys could not be fetched; retry later', {}, 5);
      }
      throw error;
    }
  }
}
