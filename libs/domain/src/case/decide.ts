// decide(state, command, now) → events. Pure: time is an argument, refusals are DomainErrors with a code.
import type { Mission, MissionRegistry } from '../missions/mission';
import { missionByCode } from '../missions/resolve-mission';
import { MISSIONS } from '../missions/missions';
import type { ProtocolRegistry } from '../protocol/protocol-definition';
import { PROTOCOLS, protocolFor } from '../protocol/protocol-registry';
import { DomainError } from '../shared/domain-error';
import type { Actor, Role } from '../shared/vocabulary';
import type { CaseCommand, RecordBreakGlass, ShareCase } from './commands';
import type { BreakGlassRead, CaseEvent, CaseShared, NoteAdded } from './events';
import type { ActiveCase, CaseFile } from './state';
import type { CaseState } from './state';
import { decideAgreeActionPlan, decideCompleteTask, decideStartTask } from './decide/implementation';
import { decideClinicalCare, decideIdentityVerification, decideSubmitAssessment } from './decide/assessment';
import { decideCheckClocks } from './decide/check-clocks';
import { decideClosureDecision, decideRecordFollowUp, decideRequestClosure } from './decide/closure';
import { decideConsent, decideConsentException } from './decide/consent';
import { atOf, event, requireRole, requireText, STAFF, type DecisionContext } from './decide/context';
import { decideAssignCaseworker, decideRecordContact } from './decide/engagement';
import { decideErasePersonalData } from './decide/erasure';
import { decideOpenCase } from './decide/open-case';
import { decideAcknowledgeEscalation, decidePauseClock, decideResumeClock } from './decide/pause';
import { decideCompleteStep } from './decide/steps';
import { decideMigrateProtocol } from './decide/administration';
import { decideReopenCase } from './decide/reopen';
import { decideCorrectIntake } from './decide/correct-intake';

/** Where decide looks up protocol versions and missions; tests may pass their own. */
export interface DecideOptions {
  readonly protocols?: ProtocolRegistry;
  readonly missions?: MissionRegistry;
}

const decideActive = (ctx: DecisionContext, command: Exclude<CaseCommand, { type: 'OpenCase' }>): CaseEvent[] => {
  switch (command.type) {
    case 'AssignCaseworker':
      return decideAssignCaseworker(ctx, command);
    case 'RecordContact':
      return decideRecordContact(ctx, command);
    case 'GiveConsent':
    case 'RefuseConsent':
    case 'WithdrawConsent':
      return decideConsent(ctx, command);
    case 'RecordConsentException':
      return decideConsentException(ctx, command);
    case 'SubmitAssessment':
      return decideSubmitAssessment(ctx, command);
    case 'RecordIdentityVerification':
      return decideIdentityVerification(ctx, command);
    case 'AgreeActionPlan':
      return decideAgreeActionPlan(ctx, command);
    case 'StartTask':
      return decideStartTask(ctx, command);
    case 'CompleteTask':
      return decideCompleteTask(ctx, command);
    case 'CompleteStep':
      return decideCompleteStep(ctx, command);
    case 'PauseClock':
      return decidePauseClock(ctx, command);
    case 'ResumeClock':
      return decideResumeClock(ctx, command);
    case 'AcknowledgeEscalation':
      return decideAcknowledgeEscalation(ctx, command);
    case 'RecordClinicalCare':
      return decideClinicalCare(ctx, command);
    case 'RecordFollowUp':
      return decideRecordFollowUp(ctx, command);
    case 'RequestClosure':
      return decideRequestClosure(ctx, command);
    case 'ApproveClosure':
    case 'RejectClosure':
      return decideClosureDecision(ctx, command);
    case 'ReopenCase':
      throw new DomainError('CASE_ALREADY_OPEN', 'only a closed case can be reopened');
    case 'AddNote':
      return [addNote(ctx.at, command.actor, command.text)];
    case 'ShareCase':
    case 'RecordBreakGlass':
      return decideAccess(ctx.state, ctx.mission, ctx.at, command);
    case 'MigrateProtocol':
      return decideMigrateProtocol(ctx, command);
    case 'CorrectIntake':
      return decideCorrectIntake(ctx, command);
    case 'ErasePersonalData':
      return decideErasePersonalData(ctx.state, command, ctx.now);
    case 'CheckClocks':
      return decideCheckClocks(ctx);
    default:
      return unknownCommand(command);
  }
};

const unknownCommand = (command: never): never => {
  throw new DomainError('INVALID_COMMAND', `unknown command ${JSON.stringify(command)}`);
};

/** Who may share a case (the mission's oversight) and who may break glass (people who work cases). */
const SHARERS: readonly Role[] = ['supervisor', 'hq_officer', 'hq_duty_officer'];
const BREAK_GLASS: readonly Role[] = ['caseworker', 'supervisor', 'hq_officer'];

const decideAccess = (state: CaseFile, mission: Mission, at: string, command: ShareCase | RecordBreakGlass): CaseEvent[] => {
  if (command.type === 'ShareCase') {
    requireRole(command.actor, SHARERS, 'sharing a case');
    const userId = requireText(command.userId, 'userId');
    if ((state.sharedWith ?? []).includes(userId)) return [];
    return [event<CaseShared>('CaseShared', { at, by: command.actor.userId, userId })];
  }
  requireRole(command.actor, BREAK_GLASS, 'a break-glass read');
  const reason = requireText(command.reason, 'reason');
  return [
    event<BreakGlassRead>(
      'BreakGlassRead',
      { at, by: command.actor.userId, role: command.actor.role, recipient: { role: 'supervisor', contactId: mission.escalation.supervisor } },
      { reason },
    ),
  ];
};

const addNote = (at: string, actor: Actor, text: string): NoteAdded => {
  requireRole(actor, STAFF, 'adding a note');
  return event<NoteAdded>('NoteAdded', { at, by: actor.userId }, { text: requireText(text, 'text') });
};

export const decide = (state: CaseState, command: CaseCommand, now: number, options: DecideOptions = {}): CaseEvent[] => {
  if (!Number.isFinite(now)) throw new DomainError('INVALID_COMMAND', 'now must be a time');
  const protocols = options.protocols ?? PROTOCOLS;
  const missions = options.missions ?? MISSIONS;
  if (command === null || typeof command !== 'object' || typeof command.type !== 'string') {
    throw new DomainError('INVALID_COMMAND', 'a command has a type');
  }
  if (command.type !== 'CheckClocks' && (typeof command.actor?.userId !== 'string' || !command.actor.userId)) {
    throw new DomainError('INVALID_COMMAND', 'a command from a person names its actor');
  }
  if (command.type === 'ErasePersonalData' && state.status !== 'none') return decideErasePersonalData(state, command, now);
  switch (state.status) {
    case 'none':
      if (command.type !== 'OpenCase') throw new DomainError('CASE_NOT_OPEN', 'there is no such case');
      return decideOpenCase(command, now, protocols, missions);
    case 'closed':
      if (command.type === 'CheckClocks') return [];
      if (command.type === 'AddNote') return [addNote(atOf(now), command.actor, command.text)];
      if (command.type === 'ShareCase' || command.type === 'RecordBreakGlass') {
        return decideAccess(state, missionByCode(missions, state.missionCode), atOf(now), command);
      }
      if (command.type === 'OpenCase') throw new DomainError('CASE_ALREADY_OPEN', 'the case exists; reopen it');
      if (command.type !== 'ReopenCase') throw new DomainError('CASE_CLOSED', 'the case is closed; reopen it first');
      return decideReopenCase(
        state,
        command,
        now,
        protocolFor(state.protocolVersion, protocols),
        protocols,
        missionByCode(missions, state.missionCode),
      );
    case 'open':
    case 'closure_requested': {
      if (command.type === 'OpenCase') throw new DomainError('CASE_ALREADY_OPEN', 'the case is already open');
      return decideActive(contextFor(state, now, protocols, missions), command);
    }
    default:
      return unknownState(state);
  }
};

const unknownState = (state: never): never => {
  throw new DomainError('INVALID_COMMAND', `unknown state ${JSON.stringify(state)}`);
};

const contextFor = (
  state: ActiveCase,
  now: number,
  protocols: ProtocolRegistry,
  missions: MissionRegistry,
): DecisionContext => ({
  state,
  protocol: protocolFor(state.protocolVersion, protocols),
  protocols,
  mission: missionByCode(missions, state.missionCode),
  now,
  at: atOf(now),
});

/**
 * For Temporal update validators (which must be synchronous): throws the DomainError decide would throw,
 * returns nothing when the command would be accepted.
 */
export const validate = (state: CaseState, command: CaseCommand, now: number, options: DecideOptions = {}): void => {
  decide(state, command, now, options);
};
