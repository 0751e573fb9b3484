// Who is calling. A stand-in until authentication lands (issue 7): the caller names itself in two headers and
// nothing checks it. Every handler already takes the actor from here, so real authentication replaces this
// one file; until then the API must only listen where its clients are trusted (it binds to 127.0.0.1).
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ROLES, type Actor, type Role } from '@baoho/domain';
import { HttpProblem } from '@baoho/http';

export const USER_HEADER = 'x-baoho-user';
export const ROLE_HEADER = 'x-baoho-role';

export function actorOf(request: Request): Actor {
  const userId = request.header(USER_HEADER);
  const role = request.header(ROLE_HEADER);
  if (!userId || !role) {
    throw new HttpProblem(401, 'UNAUTHENTICATED', 'Who is asking?', `send ${USER_HEADER} and ${ROLE_HEADER}`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/.test(userId) || !(ROLES as readonly string[]).includes(role)) {
    throw new HttpProblem(401, 'UNAUTHENTICATED', 'Who is asking?', `${USER_HEADER} or ${ROLE_HEADER} is not valid`);
  }
  return { userId, role: role as Role };
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(context.switchToHttp().getRequest<Request>()),
);
