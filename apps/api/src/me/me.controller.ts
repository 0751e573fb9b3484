import { Controller, Get } from '@nestjs/common';
import { STAFF_ROLES, TOKEN_ROLES, type Actor, type StaffRole } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { StaffDirectory } from '../staff/staff-directory';

export interface Me {
  readonly user: string;
  readonly role: string;
  readonly missions: readonly string[];
}

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/**
 * GET /v1/me: who the token says the caller is (for the console), any role. The console calls it after sign-in, so
 * it is also where the people who work cases join the staff directory (or are seen again): that is what lets a
 * supervisor assign a case to them.
 */
@Allow(...TOKEN_ROLES)
@Controller('v1/me')
export class MeController {
  constructor(private readonly staff: StaffDirectory) {}

  @Get()
  async me(@CurrentActor() actor: Actor): Promise<Me> {
    const missions = actor.missions ?? [];
    const role = actor.role;
    if (isStaffRole(role)) await this.staff.seen({ userId: actor.userId, role, missions });
    return { user: actor.userId, role: actor.role, missions };
  }
}
