// The missions known to protocol 2026.1. Contact ids point into the notification service's directory.
import type { Mission, MissionRegistry } from './mission';

const contacts = (code: string): Mission['escalation'] => ({
  supervisor: `role:${code}:consular-supervisor`,
  hqDutyOfficer: 'role:HQ:duty-officer',
  headOfMission: `role:${code}:head-of-mission`,
});

const SAT_SUN = [0, 6];

export const HQ_MISSION_CODE = 'HQ';

export const MISSIONS: MissionRegistry = [
  {
    code: HQ_MISSION_CODE,
    name: 'Consular Department, Ministry of Foreign Affairs',
    countries: [],
    timeZone: 'Asia/Ho_Chi_Minh',
    utcOffsetMinutes: 7 * 60,
    weekendDays: SAT_SUN,
    escalation: { ...contacts('HQ'), supervisor: 'role:HQ:citizen-protection-supervisor' },
  },
  {
    code: 'KR-SEL',
    name: 'Embassy in Seoul',
    countries: ['KR'],
    timeZone: 'Asia/Seoul',
    utcOffsetMinutes: 9 * 60,
    weekendDays: SAT_SUN,
    escalation: contacts('KR-SEL'),
  },
  {
    code: 'KR-PUS',
    name: 'Consulate General in Busan',
    countries: ['KR'],
    cities: ['Busan'],
    timeZone: 'Asia/Seoul',
    utcOffsetMinutes: 9 * 60,
    weekendDays: SAT_SUN,
    escalation: { ...contacts('KR-PUS'), headOfMission: 'role:KR-PUS:consul-general' },
  },
  {
    code: 'JP-TYO',
    name: 'Embassy in Tokyo',
    countries: ['JP'],
    timeZone: 'Asia/Tokyo',
    utcOffsetMinutes: 9 * 60,
    weekendDays: SAT_SUN,
    escalation: contacts('JP-TYO'),
  },
  {
    code: 'TW-TPE',
    name: 'Economic and Cultural Office in Taipei',
    countries: ['TW'],
    timeZone: 'Asia/Taipei',
    utcOffsetMinutes: 8 * 60,
    weekendDays: SAT_SUN,
    escalation: contacts('TW-TPE'),
  },
  {
    code: 'MY-KUL',
    name: 'Embassy in Kuala Lumpur',
    countries: ['MY'],
    timeZone: 'Asia/Kuala_Lumpur',
    utcOffsetMinutes: 8 * 60,
    weekendDays: SAT_SUN,
    escalation: contacts('MY-KUL'),
  },
  {
    code: 'SA-RUH',
    name: 'Embassy in Riyadh',
    countries: ['SA'],
    timeZone: 'Asia/Riyadh',
    utcOffsetMinutes: 3 * 60,
    weekendDays: [5, 6], // Friday and Saturday
    escalation: contacts('SA-RUH'),
  },
];
