// Why an action towards a recipient would be refused now, as data: the one place these gates are written. `decide`
// throws them (items.ts, implementation.ts); the case view lists them per open task, so the console explains an
// action instead of offering one the API would refuse.
import type { ProtocolDefinition, TaskId } from '../protocol/protocol-definition';
import { DomainError } from '../shared/domain-error';
import type { ConsentCategory } from '../shared/vocabulary';
import { isConsentInForce, type CaseFile } from './state';

export type Refusal =
  | { readonly code: 'CONSENT_REQUIRED'; readonly category: ConsentCategory }
  | { readonly code: 'FAMILY_IS_RISK_SOURCE' }
  | { readonly code: 'IDENTITY_NOT_VERIFIED' };

/** Sharing with `category` needs consent in force or a recorded exception; the family is never told if a risk. */
export const consentRefusal = (file: CaseFile, category: ConsentCategory | undefined): Refusal | undefined => {
  if (category === 'family' && file.familyIsRiskSource) return { code: 'FAMILY_IS_RISK_SOURCE' };
  if (category && !isConsentInForce(file, category)) return { code: 'CONSENT_REQUIRED', category };
  return undefined;
};

export const isIdentityVerified = (file: CaseFile): boolean => file.identity === 'documents_seen' || file.identity === 'confirmed';

/** Working `task` (start, complete) shares with its recipient and may need her identity verified first. */
export const taskRefusal = (file: CaseFile, task: TaskId, protocol: ProtocolDefinition): Refusal | undefined => {
  const definition = protocol.tasks[task];
  const consent = consentRefusal(file, definition.consentCategory);
  if (consent) return consent;
  return definition.needsIdentityVerified && !isIdentityVerified(file) ? { code: 'IDENTITY_NOT_VERIFIED' } : undefined;
};

/** Asking the home authorities to verify her identity shares it with them. */
export const verificationRequestRefusal = (file: CaseFile): Refusal | undefined => consentRefusal(file, 'home_authorities');

export const refusalError = (refusal: Refusal, what: string): DomainError => {
  switch (refusal.code) {
    case 'CONSENT_REQUIRED':
      return new DomainError('CONSENT_REQUIRED', `no consent in force for ${refusal.category} and no exception recorded`);
    case 'FAMILY_IS_RISK_SOURCE':
      return new DomainError('FAMILY_IS_RISK_SOURCE', 'the family is recorded as a source of risk: it is never notified');
    case 'IDENTITY_NOT_VERIFIED':
      return new DomainError('IDENTITY_NOT_VERIFIED', `${what} needs her identity verified first`);
  }
};
