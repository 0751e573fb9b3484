// The staff directory over HTTP: supervisors and HQ list the active colleagues they may assign or share a case to;
// the platform admin registers someone before their first sign-in, changes them, or deactivates someone who left.
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import type { Actor } from '@baoho/domain';
import { Allow } from '@baoho/http';
import { CurrentActor } from '../auth/current-actor';
import { OVERSEERS } from '../auth/roles';
import { missionFilter, scopeOf } from '../auth/scope';
import { parseInput } from '../http/parse-body';
import { StaffDirectory, type StaffEntry } from './staff-directory';
import { staffListQuerySchema, staffRegistrationSchema, staffUserIdSchema } from './staff-input';

export type StaffListItem = Omit<StaffEntry, 'active'>;

const pathSchema = z.strictObject({ userId: staffUserIdSchema });

@Controller('v1/staff')
export class StaffController {
  constructor(private readonly directory: StaffDirectory) {}

  /**
   * Active members by user id: of the mission asked, or of every mission the caller's scope covers. A supervisor
   * asking for a mission not theirs gets an empty list, as the other lists answer; HQ any mission.
   */
  @Allow(...OVERSEERS)
  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<{ items: StaffListItem[] }> {
    const input = parseInput(staffListQuerySchema, query, 'query');
    const members = await this.directory.active(missionFilter(scopeOf(actor), input.mission), input.role);
    return { items: members.map(({ userId, role, missions, displayName }) => ({ userId, role, missions, displayName })) };
  }

  /** Registers or changes a member (admin only); answers the member as recorded. */
  @Allow('admin')
  @Put(':userId')
  put(@Param('userId') userId: string, @Body() body: unknown): Promise<StaffEntry> {
    const path = parseInput(pathSchema, { userId }, 'path');
    return this.directory.put(path.userId, parseInput(staffRegistrationSchema, body ?? {}));
  }
}
