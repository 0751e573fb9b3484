import { Controller, Get } from '@nestjs/common';
import { TOKEN_ROLES, type Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';

export interface Me {
  readonly user: string;
  readonly role: string;
  readonly missions: readonly string[];
}

/** GET /v1/me: who the token says the caller is (for the console), any role. */
@Allow(...TOKEN_ROLES)
@Controller('v1/me')
export class MeController {
  @Get()
  me(@CurrentActor() actor: Actor): Me {
    return { user: actor.userId, role: actor.role, missions: actor.missions ?? [] };
  }
}
