// Who is calling: the principal the global AuthGuard verified from the bearer token (libs/http). Every handler
// takes the actor from here, so the token is the only source of identity: no header or body can name one.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@baoho/domain';
import { principalOf, unauthenticated } from '@baoho/http';

export function actorOf(request: Request): Actor & { readonly missions: readonly string[] } {
  const principal = principalOf(request);
  // Only a route declared public has no principal, and a public route has no business asking who calls.
  if (!principal) throw unauthenticated('send Authorization: Bearer <token>', false);
  return { userId: principal.userId, role: principal.role, missions: principal.missions };
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<Request>()),
);
