// OpenCase: intake, triage, mission, pinned protocol, the first-contact deadline and the clinical windows.
import { triage } from '../../intake/triage';
import type { MissionRegistry } from '../../missions/mission';
import { resolveMission } from '../../missions/resolve-mission';
import type { ProtocolRegistry } from '../../protocol/protocol-definition';
import { CURRENT_PROTOCOL_VERSION, protocolFor } from '../../protocol/protocol-registry';
import { fromIso, HOUR, toIso } from '../../shared/time';
import {
  CLINICAL_WINDOWS,
  CONTACT_CHANNELS,
  GBV_TYPES,
  PROTECTION_CATEGORIES,
  VULNERABILITIES,
} from '../../shared/vocabulary';
import type { OpenCase } from '../commands';
import type { CaseEvent, CaseOpened, ClinicalWindowClosedBeforeIntake, ClinicalWindowOpened } from '../events';
import { evolve } from '../evolve';
import type { ActiveCase } from '../state';
import { event, invalid, requireOneOf, requireRole, requireText, type DecisionContext } from './context';
import { openStep } from './items';

const validate = (c: OpenCase): void => {
  requireRole(c.actor, ['hotline_operator', 'caseworker', 'supervisor', 'hq_duty_officer', 'hotline_integration', 'hq_officer'], 'opening a case');
  requireText(c.caseId, 'caseId');
  requireText(c.countryCode, 'countryCode');
  requireOneOf(c.channel, CONTACT_CHANNELS, 'channel');
  if (!Array.isArray(c.categories)) invalid('categories must be a list');
  c.categories.forEach((x) => requireOneOf(x, PROTECTION_CATEGORIES, 'categories'));
  (c.vulnerabilities ?? []).forEach((x) => requireOneOf(x, VULNERABILITIES, 'vulnerabilities'));
  if (c.gbvType !== undefined) requireOneOf(c.gbvType, GBV_TYPES, 'gbvType');
  if (typeof c.immediateDanger !== 'boolean' || typeof c.minor !== 'boolean') {
    invalid('immediateDanger and minor must be yes or no');
  }
  if (c.incidentAt != null && Number.isNaN(fromIso(c.incidentAt))) invalid('incidentAt is not a time');
  if (c.reportedAt !== undefined && Number.isNaN(fromIso(c.reportedAt))) invalid('reportedAt is not a time');
};

export const decideOpenCase = (
  c: OpenCase,
  now: number,
  protocols: ProtocolRegistry,
  missions: MissionRegistry,
): CaseEvent[] => {
  validate(c);
  const protocol = protocolFor(CURRENT_PROTOCOL_VERSION, protocols);
  const mission = resolveMission(missions, c.countryCode, c.city);
  // Deadlines count from the report, but a report time in the future (a skewed clock) counts as now.
  const reportedAt = c.reportedAt === undefined ? now : Math.min(fromIso(c.reportedAt), now);
  const incidentAt = c.incidentAt == null ? undefined : fromIso(c.incidentAt);
  const vulnerabilities = c.vulnerabilities ?? [];
  const risk = triage(
    {
      immediateDanger: c.immediateDanger,
      minor: c.minor,
      categories: c.categories,
      vulnerabilities,
      reportedAt,
      ...(c.gbvType !== undefined ? { gbvType: c.gbvType } : {}),
      ...(incidentAt !== undefined ? { incidentAt } : {}),
    },
    protocol,
  );
  const at = toIso(now);
  const opened = event<CaseOpened>(
    'CaseOpened',
    {
      at,
      by: c.actor.userId,
      caseId: c.caseId,
      protocolVersion: protocol.version,
      missionCode: mission.code,
      source: c.source,
      hotlineEventId: c.hotlineEventId,
      hotlineSource: c.hotlineSource,
      channel: c.channel,
      reportedAt: toIso(reportedAt),
      callerRelation: c.callerRelation,
      language: c.language,
      countryCode: c.countryCode,
      city: c.city,
      categories: [...c.categories],
      gbvType: c.gbvType,
      incidentAt: incidentAt === undefined ? null : toIso(incidentAt),
      incidentTimeEstimated: c.incidentTimeEstimated ?? false,
      immediateDanger: c.immediateDanger,
      minor: c.minor,
      vulnerabilities: [...vulnerabilities],
      risk,
    },
    c.personal,
  );
  const state = evolve({ status: 'none' }, opened) as ActiveCase;
  // The first-contact deadline counts from intake (the report), not from when the message reached us.
  const ctx: DecisionContext = { state, protocol, protocols, mission, now: reportedAt, at };
  const firstContact = openStep(ctx, 'first_contact');

  const windows: CaseEvent[] = [];
  if (incidentAt !== undefined && c.gbvType !== undefined) {
    for (const id of CLINICAL_WINDOWS) {
      const def = protocol.clinicalWindows[id];
      if (!def.opensFor.includes(c.gbvType)) continue;
      const endsAt = incidentAt + def.hoursFromIncident * HOUR;
      const data = { at, window: id, incidentAt: toIso(incidentAt), endsAt: toIso(endsAt) };
      windows.push(
        endsAt <= now
          ? event<ClinicalWindowClosedBeforeIntake>('ClinicalWindowClosedBeforeIntake', data)
          : event<ClinicalWindowOpened>('ClinicalWindowOpened', data),
      );
    }
  }
  return [opened, firstContact, ...windows];
};
