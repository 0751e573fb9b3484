// Missions are data: who is on the escalation ladder and which calendar counts working days.

/** Role/contact ids resolved by the notification service; never a person's name. */
export interface EscalationContacts {
  readonly supervisor: string;
  readonly hqDutyOfficer: string;
  readonly headOfMission: string;
}

export interface Mission {
  readonly code: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 codes served; empty for headquarters, the fallback for everywhere. */
  readonly countries: readonly string[];
  /** When set, the mission serves only these cities of its countries (a consulate inside an embassy's country). */
  readonly cities?: readonly string[];
  readonly timeZone: string;
  /**
   * Fixed offset of `timeZone` from UTC. Every zone listed has no daylight saving, so working-day arithmetic
   * can stay pure integer math (no Intl time-zone data inside Temporal workflows).
   */
  readonly utcOffsetMinutes: number;
  /** Days off, 0 = Sunday … 6 = Saturday. */
  readonly weekendDays: readonly number[];
  readonly escalation: EscalationContacts;
}

export type MissionRegistry = readonly Mission[];
