// The staff directory (table `staff_directory`, migration CreateStaffDirectory1763880000210): who works cases, in
// which missions, and whether they still do. Written by a sign-in (`seen`) and by an admin (`put`); read to list
// colleagues and to check a person named on a case. Staff data only; nothing of it is logged.
import type { Pool } from 'pg';
import type { StaffMember, StaffRole } from '@baoho/domain';

/** A member as the API answers it. */
export interface StaffEntry {
  readonly userId: string;
  readonly role: StaffRole;
  readonly missions: readonly string[];
  readonly displayName: string | null;
  readonly active: boolean;
}

/** What an admin sets; `displayName` absent keeps the one recorded, null clears it. */
export interface StaffRegistration {
  readonly role: StaffRole;
  readonly missions: readonly string[];
  readonly displayName?: string | null;
  readonly active: boolean;
}

interface Row {
  user_id: string;
  role: StaffRole;
  missions: string[];
  display_name: string | null;
  active: boolean;
}

const COLUMNS = 'user_id, role, missions, display_name, active';

const toEntry = (row: Row): StaffEntry => ({ userId: row.user_id, role: row.role, missions: row.missions, displayName: row.display_name, active: row.active });

export class StaffDirectory {
  constructor(private readonly pool: Pool) {}

  /**
   * A sign-in: role and missions as the token says now (the token is the identity), seen now. A new member is
   * active; `active` is never written here, so a sign-in cannot undo an admin's deactivation.
   */
  async seen(member: { readonly userId: string; readonly role: StaffRole; readonly missions: readonly string[] }): Promise<void> {
    await this.pool.query(
      `INSERT INTO staff_directory (user_id, role, missions, first_seen_at, last_seen_at) VALUES ($1, $2, $3::text[], now(), now())
       ON CONFLICT (user_id) DO UPDATE
          SET role = EXCLUDED.role, missions = EXCLUDED.missions, last_seen_at = now(),
              first_seen_at = coalesce(staff_directory.first_seen_at, now())`,
      [member.userId, member.role, [...member.missions]],
    );
  }

  /** An admin's registration or change (before a first sign-in too); sign-in times are left as they are. */
  async put(userId: string, registration: StaffRegistration): Promise<StaffEntry> {
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO staff_directory (user_id, role, missions, display_name, active) VALUES ($1, $2, $3::text[], $4, $5)
       ON CONFLICT (user_id) DO UPDATE
          SET role = EXCLUDED.role, missions = EXCLUDED.missions, active = EXCLUDED.active,
              display_name = CASE WHEN $6 THEN EXCLUDED.display_name ELSE staff_directory.display_name END
       RETURNING ${COLUMNS}`,
      [userId, registration.role, [...registration.missions], registration.displayName ?? null, registration.active, registration.displayName !== undefined],
    );
    return toEntry(rows[0]!);
  }

  async member(userId: string): Promise<StaffMember | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM staff_directory WHERE user_id = $1`, [userId]);
    const row = rows[0];
    return row && { userId: row.user_id, role: row.role, missions: row.missions, active: row.active };
  }

  /**
   * The active members with any of `missions` (null: every mission), of `role` if given, by user id in byte order
   * (the same order whatever the database's collation).
   */
  async active(missions: readonly string[] | null, role: StaffRole | undefined): Promise<StaffEntry[]> {
    if (missions?.length === 0) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM staff_directory
        WHERE active AND ($1::text[] IS NULL OR missions && $1::text[]) AND ($2::text IS NULL OR role = $2)
        ORDER BY user_id COLLATE "C"`,
      [missions === null ? null : [...missions], role ?? null],
    );
    return rows.map(toEntry);
  }
}
